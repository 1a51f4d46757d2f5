using System.Globalization;
using System.Xml;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>
/// Streaming helpers over WordprocessingML (ECMA-376 Part 1, 17): the w: namespace in its transitional
/// and strict forms, w:val attributes, on/off values. The reader streams the parts with XmlReader
/// instead of loading them into the Open XML SDK's object model: the model costs far more than the text.
/// </summary>
internal static class WordXml
{
    public const string Transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string Strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    public const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /// <summary>No DTDs (a .docx never has one; refusing them closes entity expansion attacks).</summary>
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static bool IsWord(XmlReader reader) => reader.NamespaceURI is Transitional or Strict;

    /// <summary>Whether the reader is on a w: element named <paramref name="localName"/>.</summary>
    public static bool Is(XmlReader reader, string localName) => reader.LocalName == localName && IsWord(reader);

    /// <summary>A w: attribute of the current element (w:val by default).</summary>
    public static string? Attribute(XmlReader reader, string localName = "val") =>
        reader.GetAttribute(localName, Transitional) ?? reader.GetAttribute(localName, Strict);

    public static int? Int(XmlReader reader, string localName = "val") =>
        int.TryParse(Attribute(reader, localName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An on/off property (17.17.4 ST_OnOff): on when w:val is absent or says so.</summary>
    public static bool OnOff(XmlReader reader) => Attribute(reader) is not ("false" or "0" or "off");

    /// <summary>
    /// Visits the child elements of the element the reader is on, then moves past its end. The visitor
    /// must consume the element it is given (read to its end, or Skip); other nodes are passed over.
    /// </summary>
    public static void Children(XmlReader reader, Action<XmlReader> visit)
    {
        // The walks over a part recurse through this method once per element level. The readers cap the
        // depth (LimitsOptions.MaxXmlDepth); this is the floor under every walk, styles and numbering
        // included: a catchable InsufficientExecutionStackException instead of a stack overflow that
        // would end the process and every other file's record with it.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                visit(reader);
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }
}
