using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SelfReview.Cli.Benchmarking;

/// <summary>
/// The floor for reading a .docx: unzip word/document.xml and stream it with XmlReader, concatenating
/// the w:t text (a line per w:p). No numbering, tracked changes, styles or structure — nothing less
/// can still be called reading the file, so no reader can be faster than this by much.
/// </summary>
internal static class DocxTextFloor
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = false };

    public static string Read(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        var entry = zip.GetEntry("word/document.xml") ?? throw new InvalidDataException("no word/document.xml");
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, Settings);
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == WordNamespace && reader.LocalName == "t")
            {
                text.Append(reader.ReadElementContentAsString());
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.NamespaceURI == WordNamespace && reader.LocalName == "p")
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
