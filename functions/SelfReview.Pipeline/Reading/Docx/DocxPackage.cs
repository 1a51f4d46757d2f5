using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>
/// The parts of a .docx as an Open Packaging Conventions zip (ECMA-376 Part 2): the main document found
/// through the package relationships, and its related parts (styles, numbering) through its own.
/// Only what the reader needs, straight from the zip — no package model.
/// </summary>
internal sealed class DocxPackage : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DefaultMainDocument = "word/document.xml";

    private readonly ZipArchive _zip;
    private readonly InflationBudget _budget;

    private DocxPackage(ZipArchive zip, InflationBudget budget)
    {
        _zip = zip;
        _budget = budget;
        RefuseDuplicateNames(zip);
        MainDocument = Related(string.Empty, "officeDocument") ?? (Entry(DefaultMainDocument) is null ? null : DefaultMainDocument);
    }

    /// <summary>The main document part's name (word/document.xml as a rule), or null when the package has none.</summary>
    public string? MainDocument { get; }

    /// <summary>
    /// Opens the package over the bytes without copying them; a broken zip throws <see cref="InvalidDataException"/>,
    /// a package with two entries of one name or a part past the budgets <see cref="LimitExceededException"/>.
    /// </summary>
    public static DocxPackage Open(ReadOnlyMemory<byte> content, LimitsOptions limits)
    {
        var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        try
        {
            return new DocxPackage(zip, new InflationBudget(limits));
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Opens a part by name, or returns null when it is missing; the stream stops at the inflation budgets.</summary>
    public Stream? Open(string? partName)
    {
        if (partName is null || Entry(partName) is not { } entry)
        {
            return null;
        }

        // The declared size is checked first (cheap); the counting stream catches a header that lies.
        if (entry.Length > _budget.Limits.MaxEntryBytes)
        {
            throw new LimitExceededException(
                "zip_bomb",
                $"文件中的部件“{entry.FullName}”解压后有 {entry.Length / (1024 * 1024)} MB，超过 {_budget.Limits.MaxEntryBytes / (1024 * 1024)} MB 的上限，不像正常的文档，请在 Word 中打开后另存为新文件再上传");
        }

        return _budget.Guard(entry.Open(), entry.FullName, entry.CompressedLength);
    }

    /// <summary>The part an explicit relationship id of <paramref name="source"/> points to (an altChunk's r:id).</summary>
    public string? Target(string source, string id) => Relationship(source, (rid, _, _) => rid == id);

    /// <summary>The part that <paramref name="source"/> relates to with a relationship type ending in <paramref name="type"/> ("styles", "numbering").</summary>
    public string? Related(string source, string type) =>
        Relationship(source, (_, relationshipType, _) => relationshipType.EndsWith("/" + type, StringComparison.Ordinal));

    /// <summary>Every internal relationship of <paramref name="source"/> whose type ends in <paramref name="type"/>: (id, part).</summary>
    public List<(string Id, string Part)> RelatedAll(string source, string type)
    {
        var found = new List<(string, string)>();
        Relationship(source, (id, relationshipType, part) =>
        {
            if (relationshipType.EndsWith("/" + type, StringComparison.Ordinal))
            {
                found.Add((id, part));
            }

            return false;
        });
        return found;
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>
    /// Two entries of one name (compared as part names are, ignoring case) make the package ambiguous:
    /// readers disagree on which one is the part, so a decoy can be shown to one and the real text to
    /// another. Word never writes such a package (Part 2, 6.2.2.3 forbids equivalent part names).
    /// </summary>
    private static void RefuseDuplicateNames(ZipArchive zip)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            if (!names.Add(entry.FullName))
            {
                throw new LimitExceededException(
                    "damaged",
                    $"文件中有两个同名的部件（{entry.FullName}），文件已损坏或被改动过，请在 Word 中打开后另存为新文件再上传");
            }
        }
    }

    /// <summary>The first relationship target for which <paramref name="matches"/>(id, type, part) holds.</summary>
    private string? Relationship(string source, Func<string, string, string, bool> matches)
    {
        var slash = source.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : source[..(slash + 1)];
        var relationships = folder + "_rels/" + source[(slash + 1)..] + ".rels";
        using var stream = Open(relationships);
        if (stream is null)
        {
            return null;
        }

        using var reader = XmlReader.Create(stream, WordXml.Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == RelationshipsNamespace
                && reader.GetAttribute("Type") is { } relationshipType
                && reader.GetAttribute("TargetMode") is null or "Internal" && reader.GetAttribute("Target") is { } target
                && Resolve(folder, target) is var part && matches(reader.GetAttribute("Id") ?? string.Empty, relationshipType, part))
            {
                return part;
            }
        }

        return null;
    }

    /// <summary>A part name from a relationship target: absolute, or relative to the source's folder (Part 2, 9.3).</summary>
    private static string Resolve(string folder, string target)
    {
        var path = Uri.UnescapeDataString(target.StartsWith('/') ? target[1..] : folder + target);
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>Part names compare case-insensitively (Part 2, 6.2.2.3); Word writes them exactly, so the exact lookup comes first.</summary>
    private ZipArchiveEntry? Entry(string name) =>
        _zip.GetEntry(name) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));
}
