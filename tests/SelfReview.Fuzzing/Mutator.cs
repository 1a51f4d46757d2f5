using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SelfReview.Fuzzing;

/// <summary>
/// The in-process mutation loop's mutator: AFL-style byte mutations (bit flips, interesting values,
/// inserts, deletes, duplicated ranges, splices with another corpus entry) and, for zip packages
/// (.docx), mutations inside a part with the package rebuilt, so the XML readers see damaged, deep,
/// huge-numbered or repeated markup rather than a zip that fails its checksum.
/// </summary>
/// <remarks>
/// Written by hand because the coverage-guided drivers (afl-fuzz with SharpFuzz instrumentation,
/// libFuzzer) are native programs that may not be on a CI machine; <c>scripts/fuzz.sh</c> uses afl-fuzz
/// when it is installed.
/// </remarks>
public sealed class Mutator(Random random)
{
    private const int MaxLength = 1 << 20;

    private static readonly int[] InterestingInts = [0, 1, -1, 2, 16, 127, 128, 255, 256, 1024, 4096, 32767, 65535, 65536, int.MaxValue, int.MinValue, 100_000_000];

    private static readonly string[] InterestingText =
    [
        "0", "-1", "2000000000", "4294967296", "99999999999999999999", "%1", "%1%1%1%1%1%1%1%1", "%9", "decimal", "upperLetter", "chineseCounting",
        "ideographTraditional", "lowerRoman", "none", "\u200B", "\u202E", "\0", "&amp;", "&#0;", "&#xFFFF;", "]]>", "<!--", "<![CDATA[",
    ];

    /// <summary>Markup that nests: repeating it inside itself is how deep documents are made.</summary>
    private static readonly string[] NestingTags = ["w:sdt><w:sdtContent", "w:tbl><w:tr><w:tc", "w:ins", "w:smartTag", "w:hyperlink", "w:txbxContent", "w:p><w:r"];

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(corpus);
        if (input.Length > 4 && input[0] == 'P' && input[1] == 'K' && random.Next(4) != 0 && MutatePackage(input) is { } package)
        {
            return package;
        }

        var data = new List<byte>(input);
        var rounds = 1 << random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            MutateBytes(data, corpus);
        }

        return [.. data.Take(MaxLength)];
    }

    private void MutateBytes(List<byte> data, IReadOnlyList<byte[]> corpus)
    {
        if (data.Count == 0)
        {
            data.AddRange(RandomBytes(1 + random.Next(16)));
            return;
        }

        var at = random.Next(data.Count);
        switch (random.Next(9))
        {
            case 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[at] = (byte)random.Next(256);
                break;
            case 2:
                data[at] = (byte)(random.Next(2) == 0 ? 0 : 0xFF);
                break;
            case 3:
                if (at + 4 <= data.Count)
                {
                    var value = new byte[4];
                    var n = InterestingInts[random.Next(InterestingInts.Length)];
                    if (random.Next(2) == 0)
                    {
                        BinaryPrimitives.WriteInt32BigEndian(value, n);
                    }
                    else
                    {
                        BinaryPrimitives.WriteInt32LittleEndian(value, n);
                    }

                    for (var i = 0; i < 4; i++)
                    {
                        data[at + i] = value[i];
                    }
                }

                break;
            case 4:
                data.InsertRange(at, RandomBytes(1 + random.Next(32)));
                break;
            case 5:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(64)));
                break;
            case 6:
                {
                    var length = Math.Min(data.Count - at, 1 + random.Next(256));
                    var copies = 1 + random.Next(random.Next(2) == 0 ? 4 : 64);
                    var range = data.GetRange(at, length);
                    for (var i = 0; i < copies && data.Count < MaxLength; i++)
                    {
                        data.InsertRange(at, range);
                    }

                    break;
                }

            case 7:
                {
                    var other = corpus[random.Next(corpus.Count)];
                    if (other.Length > 0)
                    {
                        var from = random.Next(other.Length);
                        var length = Math.Min(other.Length - from, 1 + random.Next(512));
                        data.InsertRange(at, other.AsSpan(from, length).ToArray());
                    }

                    break;
                }

            default:
                data.InsertRange(at, Encoding.UTF8.GetBytes(InterestingText[random.Next(InterestingText.Length)]));
                break;
        }
    }

    /// <summary>Mutates one part of a zip package (its text when it is XML) and writes the package again.</summary>
    private byte[]? MutatePackage(byte[] input)
    {
        List<(string Name, byte[] Content)> entries;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(input), ZipArchiveMode.Read);
            entries = [.. zip.Entries.Where(e => e.Length < MaxLength).Select(e =>
            {
                using var stream = e.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return (e.FullName, copy.ToArray());
            })];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return null;
        }

        if (entries.Count == 0)
        {
            return null;
        }

        // The main document, numbering and styles are where the reader's logic is; other parts get a share.
        var index = random.Next(3) != 0 && entries.FindIndex(e => e.Name.EndsWith(PreferredPart(), StringComparison.Ordinal)) is >= 0 and var found
            ? found
            : random.Next(entries.Count);
        var (name, content) = entries[index];
        switch (random.Next(10))
        {
            case 0:
                entries.Add((name, content));
                break;
            case 1:
                entries.RemoveAt(index);
                break;
            case 2 or 3:
                {
                    var data = new List<byte>(content);
                    MutateBytes(data, [content]);
                    entries[index] = (name, [.. data]);
                    break;
                }

            default:
                entries[index] = (name, Encoding.UTF8.GetBytes(MutateMarkup(Encoding.UTF8.GetString(content))));
                break;
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entryName, entryContent) in entries)
            {
                using var stream = zip.CreateEntry(entryName, random.Next(8) == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest).Open();
                stream.Write(entryContent);
            }
        }

        return output.ToArray();
    }

    private string PreferredPart() => random.Next(4) switch
    {
        0 => "numbering.xml",
        1 => "styles.xml",
        _ => "document.xml",
    };

    private string MutateMarkup(string xml)
    {
        if (xml.Length == 0)
        {
            return xml;
        }

        var text = new StringBuilder(xml);
        var tags = TagStarts(xml);
        switch (random.Next(6))
        {
            case 0 when tags.Count > 1:
                {
                    // Duplicate a run of whole elements (more paragraphs, levels, styles).
                    var a = tags[random.Next(tags.Count)];
                    var b = tags[random.Next(tags.Count)];
                    var (from, to) = a < b ? (a, b) : (b, a);
                    var span = xml[from..to];
                    var copies = 1 + random.Next(random.Next(3) == 0 ? 200 : 4);
                    for (var i = 0; i < copies && text.Length < MaxLength; i++)
                    {
                        text.Insert(from, span);
                    }

                    break;
                }

            case 1 when tags.Count > 0:
                {
                    // Nest: open a nesting element many times at one place and close it as often.
                    var at = tags[random.Next(tags.Count)];
                    var tag = NestingTags[random.Next(NestingTags.Length)];
                    var depth = 1 << random.Next(14);
                    var open = string.Concat(Enumerable.Repeat("<" + tag + ">", depth));
                    var closers = string.Concat(tag.Split("><").Reverse().Select(t => "</" + t.Split(' ')[0] + ">"));
                    text.Insert(at, open + string.Concat(Enumerable.Repeat(closers, depth)));
                    break;
                }

            case 2:
                {
                    // Replace a number (a numbering start, a level, an id, a size) with an interesting one.
                    var digits = Enumerable.Range(0, xml.Length).Where(i => char.IsAsciiDigit(xml[i]) && (i == 0 || !char.IsAsciiDigit(xml[i - 1]))).ToList();
                    if (digits.Count > 0)
                    {
                        var at = digits[random.Next(digits.Count)];
                        var end = at;
                        while (end < xml.Length && char.IsAsciiDigit(xml[end]))
                        {
                            end++;
                        }

                        var replacement = random.Next(2) == 0
                            ? InterestingText[random.Next(3)]
                            : InterestingInts[random.Next(InterestingInts.Length)].ToString(System.Globalization.CultureInfo.InvariantCulture);
                        text.Remove(at, end - at).Insert(at, replacement);
                    }

                    break;
                }

            case 3:
                {
                    // Replace an attribute value with an interesting one.
                    var quotes = Enumerable.Range(0, xml.Length).Where(i => xml[i] == '"').ToList();
                    if (quotes.Count >= 2)
                    {
                        var q = random.Next(quotes.Count / 2) * 2;
                        var (from, to) = (quotes[q] + 1, quotes[q + 1]);
                        text.Remove(from, to - from).Insert(from, InterestingText[random.Next(InterestingText.Length)]);
                    }

                    break;
                }

            case 4 when tags.Count > 1:
                {
                    var a = tags[random.Next(tags.Count)];
                    text.Remove(a, Math.Min(text.Length - a, 1 + random.Next(200)));
                    break;
                }

            default:
                text.Insert(random.Next(text.Length), InterestingText[random.Next(InterestingText.Length)]);
                break;
        }

        return text.ToString();
    }

    private static List<int> TagStarts(string xml)
    {
        var starts = new List<int>();
        for (var i = xml.IndexOf('<', StringComparison.Ordinal); i >= 0 && starts.Count < 100_000; i = xml.IndexOf('<', i + 1))
        {
            starts.Add(i);
        }

        return starts;
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
