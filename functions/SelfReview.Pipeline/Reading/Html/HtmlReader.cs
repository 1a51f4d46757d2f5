using Microsoft.Extensions.Options;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading.Html;

/// <summary>
/// Reads Word's web formats: a statement "saved as web page" (.htm/.html, often renamed .doc) and the
/// single-file web archive (.mht/.mhtml). Parsed with AngleSharp (a spec-compliant HTML5 parser), the
/// archive unpacked with MimeKit; see <see cref="HtmlText"/> for what becomes a paragraph.
/// </summary>
public sealed class HtmlReader(IOptions<LimitsOptions> limits) : IDocumentReader
{
    public HtmlReader()
        : this(Options.Create(new LimitsOptions()))
    {
    }

    public bool CanRead(FileKind kind) => kind is FileKind.Html or FileKind.Mhtml;

    public Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(format);
        string? html;
        try
        {
            html = HtmlDecoder.Decode(content, format.Kind);
        }
        catch (FormatException)
        {
            return Task.FromResult(ReadOutcome.Rejected("unreadable", "网页存档（.mht）已损坏，无法读取"));
        }

        if (html is null)
        {
            return Task.FromResult(ReadOutcome.Rejected("unreadable", "网页存档（.mht）中没有网页正文"));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var blocks = HtmlText.Blocks(html, new TextBudget(limits.Value), limits.Value);
        return Task.FromResult(ReadOutcome.Read(new TextDocument(blocks, TextOrigin.Html)));
    }
}
