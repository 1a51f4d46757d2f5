using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// Makes a saved Open XML package the same bytes for the same content. The SDK names relationships
/// with random ids (<c>R</c> and 16 hex digits) and System.IO.Packaging stamps every zip entry with the
/// time of saving, so two renders of one report would differ. Here the entries are copied in their order
/// with one fixed time, and the random ids become <c>rId1</c>, <c>rId2</c>, … in order of appearance.
/// Equal bytes let consolidation leave unchanged files alone and make a file's hash mean its content.
/// </summary>
public static partial class DeterministicPackage
{
    /// <summary>The time every entry carries (the zip format's epoch is 1980).</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalize(MemoryStream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var entries = Read(package.ToArray());
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, content) in entries.Where(e => e.Name.EndsWith(".rels", StringComparison.Ordinal)))
        {
            foreach (Match id in RandomId().Matches(Encoding.UTF8.GetString(content)))
            {
                ids.TryAdd(id.Groups[1].Value, "rId" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return Write(entries.Select(e => ids.Count > 0 && (e.Name.EndsWith(".xml", StringComparison.Ordinal) || e.Name.EndsWith(".rels", StringComparison.Ordinal))
            ? (e.Name, Renamed(e.Content, ids))
            : e));
    }

    /// <summary>The entries of a package, in their order, with their bytes.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Read(byte[] package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var entries = new List<(string Name, byte[] Content)>();
        using var source = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        foreach (var entry in source.Entries)
        {
            using var from = entry.Open();
            using var buffer = new MemoryStream();
            from.CopyTo(buffer);
            entries.Add((entry.FullName, buffer.ToArray()));
        }

        return entries;
    }

    /// <summary>A package of these entries in this order, every one at <see cref="EntryTime"/>: the same entries give the same bytes.</summary>
    public static byte[] Write(IEnumerable<(string Name, byte[] Content)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var copy = target.CreateEntry(name, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var to = copy.Open();
                to.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>Every quoted occurrence of a random id replaced: ids appear as attribute values only.</summary>
    private static byte[] Renamed(byte[] content, Dictionary<string, string> ids)
    {
        var text = Encoding.UTF8.GetString(content);
        var renamed = QuotedRandomId().Replace(text, m => ids.TryGetValue(m.Groups[1].Value, out var id) ? "\"" + id + "\"" : m.Value);
        return ReferenceEquals(renamed, text) || renamed == text ? content : Encoding.UTF8.GetBytes(renamed);
    }

    [GeneratedRegex("Id=\"(R[0-9a-f]{16})\"", RegexOptions.CultureInvariant)]
    private static partial Regex RandomId();

    [GeneratedRegex("\"(R[0-9a-f]{16})\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedRandomId();
}
