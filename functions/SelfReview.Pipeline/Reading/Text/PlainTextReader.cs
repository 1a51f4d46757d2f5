using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading.Text;

/// <summary>Reads plain text files: one block per non-empty line.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    public bool CanRead(FileKind kind) => kind == FileKind.Text;

    public Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default)
    {
        if (!TextDecoder.TryDecode(content.Span, out var text, out _))
        {
            return Task.FromResult(ReadOutcome.Rejected("unreadable", "无法识别文本编码（支持 UTF-8、UTF-16、GB18030/GBK）"));
        }

        return Task.FromResult(ReadOutcome.Read(new TextDocument(ToBlocks(text), TextOrigin.PlainText)));
    }

    /// <summary>Splits text into blocks, one per non-empty line; form feeds count as page breaks.</summary>
    public static IReadOnlyList<TextBlock> ToBlocks(string text)
    {
        var blocks = new List<TextBlock>();
        var page = 1;
        var paged = text.Contains('\f');
        foreach (var pageText in text.Split('\f'))
        {
            foreach (var raw in pageText.Split('\n'))
            {
                var line = raw.TrimEnd('\r').Trim();
                if (line.Length > 0)
                {
                    blocks.Add(new TextBlock(line, Page: paged ? page : null));
                }
            }

            page++;
        }

        return blocks;
    }
}
