using System.Text;

namespace SelfReview.Pipeline.Reading;

/// <summary>
/// Removes characters that take no space on the page but split words and enumerators for a machine:
/// zero-width spaces and joiners, the word joiner and invisible operators, the byte-order mark inside
/// text, the soft hyphen, and the bidirectional embedding, override and isolate controls (Unicode
/// UAX #9; "Trojan Source", CVE-2021-42574). Pasted from web pages and chat apps they turn "一是" into
/// "一\u200B是" and the items are miscounted; a direction override can make a line read other than
/// it is stored. The document is flagged when any were removed.
/// </summary>
public static class InvisibleCharacters
{
    public static bool IsInvisible(char c) => c is
        '\u00AD' or '\u034F' or '\u061C' or '\u180E'
        or (>= '\u200B' and <= '\u200F')
        or (>= '\u202A' and <= '\u202E')
        or (>= '\u2060' and <= '\u2064')
        or (>= '\u2066' and <= '\u2069')
        or '\uFEFF';

    /// <summary>The text without invisible characters, and how many there were.</summary>
    public static string Strip(string text, out int removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        removed = 0;
        foreach (var c in text)
        {
            removed += IsInvisible(c) ? 1 : 0;
        }

        if (removed == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length - removed);
        foreach (var c in text)
        {
            if (!IsInvisible(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The document with invisible characters removed from every block and label, flagged when any were.</summary>
    public static TextDocument Strip(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var total = 0;
        var blocks = new List<TextBlock>(document.Blocks.Count);
        foreach (var block in document.Blocks)
        {
            var text = Strip(block.Text, out var inText);
            var inLabel = 0;
            var label = block.Label is null ? null : Strip(block.Label, out inLabel);
            var removed = inText + inLabel;
            total += removed;
            if (removed == 0)
            {
                blocks.Add(block);
            }
            else if (text.Trim().Length > 0)
            {
                blocks.Add(block with { Text = text.Trim(), Label = label });
            }
        }

        return total == 0 ? document : document with
        {
            Blocks = blocks,
            Flags = [.. document.Flags ?? [], ReadingFlags.InvisibleCharacters(total)],
        };
    }
}
