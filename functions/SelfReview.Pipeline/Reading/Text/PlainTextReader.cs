using Microsoft.Extensions.Options;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading.Text;

/// <summary>
/// Reads plain text files: one block per non-empty line. A file that does not decode as a whole (UTF-8
/// and GB18030 mixed, a stray NUL) is decoded line by line and flagged, not refused.
/// </summary>
public sealed class PlainTextReader(IOptions<LimitsOptions> limits) : IDocumentReader
{
    public PlainTextReader()
        : this(Options.Create(new LimitsOptions()))
    {
    }

    public bool CanRead(FileKind kind) => kind == FileKind.Text;

    public Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default)
    {
        var flags = new List<QualityFlag>();
        if (!TextDecoder.TryDecode(content.Span, out var text, out _))
        {
            if (TextDecoder.TryDecodeByLine(content.Span) is not { } lines)
            {
                return Task.FromResult(ReadOutcome.Rejected("unreadable", "无法识别文本编码（支持 UTF-8、UTF-16、GB18030/GBK）"));
            }

            text = lines.Text;
            if (lines.MinorityEncodingLines > 0)
            {
                flags.Add(ReadingFlags.MixedEncoding(lines.MinorityEncodingLines));
            }

            if (lines.NulBytes > 0)
            {
                flags.Add(ReadingFlags.NulBytes(lines.NulBytes));
            }

            if (lines.UndecodableLines > 0)
            {
                flags.Add(ReadingFlags.Undecodable(lines.UndecodableLines));
            }
        }

        // A NUL past the sniffed head decodes as U+0000 in any encoding: dropped and flagged all the same.
        if (text.Contains('\0', StringComparison.Ordinal) && flags.TrueForAll(f => f.Code != "nul_bytes"))
        {
            var nuls = text.Count(c => c == '\0');
            text = text.Replace("\0", string.Empty, StringComparison.Ordinal);
            flags.Add(ReadingFlags.NulBytes(nuls));
        }

        var blocks = ToBlocks(text, new TextBudget(limits.Value));
        return Task.FromResult(ReadOutcome.Read(new TextDocument(blocks, TextOrigin.PlainText, Flags: flags)));
    }

    /// <summary>Splits text into blocks, one per non-empty line; form feeds count as page breaks.</summary>
    public static IReadOnlyList<TextBlock> ToBlocks(string text) => ToBlocks(text, new TextBudget(new LimitsOptions()));

    internal static List<TextBlock> ToBlocks(string text, TextBudget budget)
    {
        ArgumentNullException.ThrowIfNull(text);
        budget.Check(text.Length / 2); // a text far past the budget is refused before it is split
        var blocks = new List<TextBlock>();
        var page = 1;
        var paged = text.Contains('\f', StringComparison.Ordinal);
        foreach (var pageText in text.Split('\f'))
        {
            foreach (var raw in pageText.Split('\n'))
            {
                var line = raw.TrimEnd('\r').Trim();
                if (line.Length > 0)
                {
                    budget.Add(line.Length);
                    blocks.Add(new TextBlock(line, Page: paged ? page : null));
                }
            }

            page++;
        }

        return blocks;
    }
}
