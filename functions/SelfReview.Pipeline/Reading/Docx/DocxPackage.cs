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

    private DocxPackage(ZipArchive zip)
    {
        _zip = zip;
        MainDocument = Related(string.Empty, "officeDocument") ?? (Entry(DefaultMainDocument) is null ? null : DefaultMainDocument);
    }

    /// <summary>The main document part's name (word/document.xml as a rule), or null when the package has none.</summary>
    public string? MainDocument { get; }

    /// <summary>Opens the package over the bytes without copying them; a broken zip throws <see cref="InvalidDataException"/>.</summary>
    public static DocxPackage Open(ReadOnlyMemory<byte> content)
    {
        var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        return new DocxPackage(new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false));
    }

    /// <summary>Opens a part by name, or returns null when it is missing.</summary>
    public Stream? Open(string? partName) => partName is null ? null : Entry(partName)?.Open();

    /// <summary>The part that <paramref name="source"/> relates to with a relationship type ending in <paramref name="type"/> ("styles", "numbering").</summary>
    public string? Related(string source, string type)
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
                && reader.GetAttribute("Type") is { } relationshipType && relationshipType.EndsWith("/" + type, StringComparison.Ordinal)
                && reader.GetAttribute("TargetMode") is null or "Internal" && reader.GetAttribute("Target") is { } target)
            {
                return Resolve(folder, target);
            }
        }

        return null;
    }

    public void Dispose() => _zip.Dispose();

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
