using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// A Word document in the format of party and government documents (GB/T 9704-2012, 党政机关公文格式):
/// A4, the fonts of the standard with their usual alternatives declared in the font table (so Word and
/// WPS on a machine without 方正小标宋简体 or 仿宋_GB2312 fall back to 宋体 / 仿宋 rather than to a Latin
/// font), page numbers `— N —` in 4号 宋体 at the foot (odd pages right, even pages left, one character
/// in from the edge, 7.3), and the 落款 with unit and date. The list, the upward report and the notes
/// back to members are built with it.
/// </summary>
internal sealed class OfficialDocument
{
    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";
    public const string SubheadingFont = "楷体_GB2312";
    private const string NumberFont = "宋体";

    /// <summary>二号, 三号, 四号, 小四 in half-points.</summary>
    public const int SizeTitle = 44;
    public const int SizeBody = 32;
    public const int SizeFour = 28;
    public const int SizeSmallFour = 24;

    /// <summary>GB/T 9704 body lines: 22 lines of 28 characters on the 156 × 225 mm text area, an exact line pitch of about 29 pt.</summary>
    public const int BodyLinePitch = 579;

    private static readonly (string Name, string Alternative)[] FontAlternatives =
    [
        (TitleFont, "宋体"), (BodyFont, "仿宋"), (SubheadingFont, "楷体"), (HeadingFont, "SimHei"), (NumberFont, "SimSun"),
    ];

    private readonly Body _body = new();

    public Body Body => _body;

    /// <summary>The paragraph properties and runs of a paragraph in one font.</summary>
    public static Paragraph Paragraph(string text, string font, int size, JustificationValues? justification = null, int? firstLineChars = null, int? lineTwips = null, int? after = null, int? rightIndent = null)
    {
        var properties = new ParagraphProperties();
        if (lineTwips is not null || after is not null)
        {
            var spacing = new SpacingBetweenLines { Before = "0", After = (after ?? 0).ToString(CultureInfo.InvariantCulture) };
            if (lineTwips is { } line)
            {
                spacing.Line = line.ToString(CultureInfo.InvariantCulture);
                spacing.LineRule = LineSpacingRuleValues.Exact;
            }

            properties.Append(spacing);
        }

        if (firstLineChars is not null || rightIndent is not null)
        {
            var indentation = new Indentation();
            if (firstLineChars is { } chars)
            {
                indentation.FirstLineChars = chars * 100;
                indentation.FirstLine = (chars * size * 10).ToString(CultureInfo.InvariantCulture);
            }

            if (rightIndent is { } right)
            {
                indentation.Right = right.ToString(CultureInfo.InvariantCulture);
            }

            properties.Append(indentation);
        }

        if (justification is not null)
        {
            properties.Append(new Justification { Val = justification });
        }

        return new Paragraph(properties, Run(text, font, size));
    }

    public static Run Run(string text, string font, int size, bool bold = false, bool highlight = false)
    {
        var properties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (highlight)
        {
            properties.Append(new Highlight { Val = HighlightColorValues.Yellow });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public void Append(OpenXmlElement element) => _body.Append(element);

    /// <summary>
    /// 落款: the unit, and under it the date, right-aligned four characters in from the margin (7.3.5.1);
    /// a date not known is left as 年 月 日 to be filled in by hand.
    /// </summary>
    public void AppendSignature(string unitName, DateOnly? date, int size = SizeBody)
    {
        var charTwips = size * 10;
        var dateText = date is { } d ? d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "　　年　　月　　日";
        _body.Append(Paragraph(string.Empty, BodyFont, size));
        _body.Append(Paragraph(unitName, BodyFont, size, JustificationValues.Right, rightIndent: charTwips * 2));
        _body.Append(Paragraph(dateText, BodyFont, size, JustificationValues.Right, rightIndent: charTwips * 4));
    }

    /// <summary>
    /// Writes the package: page size and margins, the page-number footers, the font table. Every part but
    /// the document itself is the same in every document, so those parts are rendered once by the SDK
    /// (<see cref="SaveWithPackage"/> on an empty body, normalised) and kept; each document then only
    /// serialises its body and zips it beside them, exactly as <see cref="DeterministicPackage"/> would
    /// have written it: the same bytes as the SDK's package, normalised, without System.IO.Packaging and a
    /// second zip pass (a unit's notes and personal lists are hundreds of documents: 624 files of a
    /// 308-statement unit rendered in 497 ms instead of 802 ms).
    /// </summary>
    public byte[] Save(bool landscape)
    {
        var template = Template.Value;
        _body.Append(Section(landscape, template.OddFooterId, template.EvenFooterId));
        using var documentXml = new MemoryStream();
        new Document(_body).Save(documentXml);
        return DeterministicPackage.Write(template.Entries.Select(e => e.Name == DocumentPartName ? (e.Name, documentXml.ToArray()) : e));
    }

    /// <summary>The package as System.IO.Packaging writes it, normalised: the reference <see cref="Save"/> is tested against.</summary>
    internal byte[] SaveWithPackage(bool landscape)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var odd = main.AddNewPart<FooterPart>();
            odd.Footer = PageNumberFooter(JustificationValues.Right);
            var even = main.AddNewPart<FooterPart>();
            even.Footer = PageNumberFooter(JustificationValues.Left);
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new EvenAndOddHeaders());
            var fonts = main.AddNewPart<FontTablePart>();
            fonts.Fonts = new Fonts(FontAlternatives.Select(f => new Font(new AltName { Val = f.Alternative }, new FontCharSet { Val = "86" }) { Name = f.Name }));
            _body.Append(Section(landscape, main.GetIdOfPart(odd), main.GetIdOfPart(even)));
            main.Document = new Document(_body);
        }

        return DeterministicPackage.Normalize(stream);
    }

    private const string DocumentPartName = "word/document.xml";

    private static readonly Lazy<PackageTemplate> Template = new(BuildTemplate);

    /// <summary>The parts every document shares, in package order, and the relationship ids of its two footers.</summary>
    private sealed record PackageTemplate(IReadOnlyList<(string Name, byte[] Content)> Entries, string OddFooterId, string EvenFooterId);

    private static PackageTemplate BuildTemplate()
    {
        var entries = DeterministicPackage.Read(new OfficialDocument().SaveWithPackage(landscape: false));
        var document = System.Text.Encoding.UTF8.GetString(entries.Single(e => e.Name == DocumentPartName).Content);
        string FooterId(string type) =>
            System.Text.RegularExpressions.Regex.Match(document, "<w:footerReference w:type=\"" + type + "\" r:id=\"([^\"]+)\"").Groups[1] is { Success: true } id
                ? id.Value
                : throw new InvalidOperationException("The document template has no " + type + " footer reference.");
        return new PackageTemplate(entries, FooterId("default"), FooterId("even"));
    }

    /// <summary>GB/T 9704 5.2.1: top 37 mm, left 28 mm, text area 156 × 225 mm (portrait); the list turns it to landscape.</summary>
    private static SectionProperties Section(bool landscape, string oddFooterId, string evenFooterId) => landscape
        ? new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooterId },
            new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooterId },
            new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
            new PageMargin { Left = 1588, Right = 1474, Top = 1418, Bottom = 1418, Header = 851, Footer = 851, Gutter = 0 })
        : new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooterId },
            new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooterId },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Left = 1588, Right = 1474, Top = 2098, Bottom = 1985, Header = 851, Footer = 1191, Gutter = 0 },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = BodyLinePitch });

    /// <summary>`— N —`: the PAGE field between em dashes, in 4号 宋体, one character in from the edge.</summary>
    private static Footer PageNumberFooter(JustificationValues side)
    {
        var indent = side == JustificationValues.Right ? new Indentation { Right = "280" } : new Indentation { Left = "280" };
        return new Footer(new Paragraph(
            new ParagraphProperties(indent, new Justification { Val = side }),
            Run("— ", NumberFont, SizeFour),
            new Run(new RunProperties(new RunFonts { Ascii = NumberFont, HighAnsi = NumberFont }, new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new RunProperties(new RunFonts { Ascii = NumberFont, HighAnsi = NumberFont }, new FontSize { Val = "28" }), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties(new RunFonts { Ascii = NumberFont, HighAnsi = NumberFont }, new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new RunProperties(new RunFonts { Ascii = NumberFont, HighAnsi = NumberFont }, new FontSize { Val = "28" }), new Text("1")),
            new Run(new RunProperties(new RunFonts { Ascii = NumberFont, HighAnsi = NumberFont }, new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.End }),
            Run(" —", NumberFont, SizeFour)));
    }
}
