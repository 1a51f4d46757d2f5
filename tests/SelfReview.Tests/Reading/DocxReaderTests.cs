using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Docx;

namespace SelfReview.Tests.Reading;

public sealed class DocxReaderTests
{
    [Fact]
    public async Task Read_RendersWordAutomaticNumbering_IntoLabels()
    {
        var document = await ReadAsync(await File.ReadAllBytesAsync(TestFiles.SeedDocx));

        var labelled = document.Blocks.Where(b => b.Label is not null).Select(b => b.Label + b.Text).ToList();
        Assert.Equal(
            ["一、存在的问题", "（一）思想政治方面", "（二）精神状态方面", "（三）工作作风方面", "二、原因剖析", "三、整改措施"],
            labelled);
        Assert.Equal(0, document.Blocks.Single(b => b.Text == "存在的问题").HeadingLevel);
        Assert.Equal(1, document.Blocks.Single(b => b.Text == "精神状态方面").HeadingLevel);
    }

    [Fact]
    public async Task Read_LeavesDeletedTextOut_AndTakesInsertedTextIn()
    {
        var document = await ReadAsync(await File.ReadAllBytesAsync(TestFiles.SeedDocx));

        var all = string.Concat(document.Blocks.Select(b => b.Text));
        Assert.DoesNotContain("此段待删除", all, StringComparison.Ordinal);
        Assert.Contains(document.Blocks, b => b.Text.StartsWith("根据市委统一安排，结合学习", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_KeepsTablesInOrder_AndSoftBreaksAsLines()
    {
        var bytes = Build(body =>
        {
            body.Append(new Paragraph(new Run(new Text("标题"))));
            body.Append(new Table(new TableRow(
                new TableCell(new Paragraph(new Run(new Text("一是第一项。")))),
                new TableCell(new Paragraph(new Run(new Text("二是第二项"), new Break(), new Text("续行")))))));
            body.Append(new Paragraph(new Run(new Text("表后"))));
        });

        var document = await ReadAsync(bytes);

        Assert.Equal(["标题", "一是第一项。", "二是第二项\n续行", "表后"], document.Blocks.Select(b => b.Text));
        Assert.True(document.Blocks[1].InTable);
    }

    [Fact]
    public async Task Read_SkipsFieldCodesAndHiddenText()
    {
        var bytes = Build(body => body.Append(new Paragraph(
            new Run(new FieldCode(" PAGE ")),
            new Run(new RunProperties(new Vanish()), new Text("隐藏")),
            new Run(new Text("正文")))));

        var document = await ReadAsync(bytes);

        Assert.Equal("正文", Assert.Single(document.Blocks).Text);
    }

    [Fact]
    public async Task Read_RejectsACorruptPackage()
    {
        var bytes = await File.ReadAllBytesAsync(TestFiles.SeedDocx);
        var corrupt = bytes[..(bytes.Length / 2)];

        var record = await Engine.ProcessAsync(corrupt, "坏文件.docx");

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Contains("坏文件.docx", record.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_TakesNumberingAndHeadingLevelsFromTheStyleChain_AndFollowsOverridesAndEmptyItems()
    {
        var bytes = Build(
            body =>
            {
                body.Append(Styled("Chapter", "存在的问题"));
                body.Append(Numbered(1, 1, "思想方面"));
                body.Append(Numbered(1, 1, "作风方面"));
                body.Append(Styled("Heading1", "原因剖析"));
                body.Append(Numbered(1, 1, "理想信念"));
                body.Append(Numbered(2, 0, "另起一项"));
                body.Append(Numbered(1, 0, string.Empty));
                body.Append(Numbered(1, 0, "空项之后"));
                body.Append(Numbered(1, 2, "圈号"));
            },
            main =>
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                    new Style(
                        new StyleName { Val = "heading 1" },
                        new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })))
                    { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                    new Style(new StyleName { Val = "章标题" }, new BasedOn { Val = "Heading1" }) { Type = StyleValues.Paragraph, StyleId = "Chapter" });
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                    new AbstractNum(
                        Level(0, NumberFormatValues.ChineseCounting, "%1、"),
                        Level(1, NumberFormatValues.Decimal, "%2."),
                        Level(2, NumberFormatValues.DecimalEnclosedCircle, "%3"))
                    { AbstractNumberId = 0 },
                    new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 },
                    new NumberingInstance(new AbstractNumId { Val = 0 }, new LevelOverride(new StartOverrideNumberingValue { Val = 5 }) { LevelIndex = 0 }) { NumberID = 2 });
            });

        var document = await ReadAsync(bytes);

        Assert.Equal(
            ["一、存在的问题", "1.思想方面", "2.作风方面", "二、原因剖析", "1.理想信念", "五、另起一项", "七、空项之后", "①圈号"],
            document.Blocks.Select(b => b.Display));
        Assert.Equal([0, null, null, 0, null, null, null, null], document.Blocks.Select(b => b.HeadingLevel));
    }

    [Fact]
    public async Task Read_TakesTextFromContentControlsLinksFieldResultsAndNestedTables_AndHidesOnlySwitchedOnVanish()
    {
        var bytes = Build(body =>
        {
            body.Append(new Paragraph(
                new SdtRun(new SdtContentRun(new Run(new Text("甲")))),
                new Hyperlink(new Run(new Text("乙"))) { Anchor = "a" },
                new SimpleField(new Run(new Text("丙"))) { Instruction = " PAGE " },
                new Run(new RunProperties(new Vanish { Val = false }), new Text("丁")),
                new Run(new RunProperties(new Vanish()), new Text("戊")),
                new InsertedRun(new Run(new Text("己"))) { Id = "1", Author = "a" },
                new DeletedRun(new Run(new DeletedText("庚"))) { Id = "2", Author = "a" }));
            body.Append(new SdtBlock(new SdtContentBlock(new Paragraph(new Run(new Text("控件段落"))))));
            body.Append(new Table(new TableRow(new TableCell(
                new Table(new TableRow(new TableCell(new Paragraph(new Run(new Text("内层表格")))))),
                new Paragraph(new Run(new Text("外层表格")))))));
        });

        var document = await ReadAsync(bytes);

        Assert.Equal(["甲乙丙丁己", "控件段落", "内层表格", "外层表格"], document.Blocks.Select(b => b.Text));
        Assert.Equal([false, false, true, true], document.Blocks.Select(b => b.InTable));
    }

    [Fact]
    public async Task Read_ReadsATextBoxOnce_AsItsOwnParagraphAfterItsAnchor_WhenWordWritesItWithAFallback_AndFollowsAbsoluteRelationshipTargets()
    {
        const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        const string textBox = "<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>";
        var bytes = Zip(
            ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"""),
            ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>"""),
            ("word/_rels/document.xml.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/></Relationships>"""),
            ("word/styles.xml", $"""<?xml version="1.0"?><w:styles xmlns:w="{w}"><w:style w:type="paragraph" w:styleId="T"><w:name w:val="Title"/></w:style></w:styles>"""),
            ("word/document.xml", $"""
                <?xml version="1.0"?>
                <w:document xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">
                  <w:body>
                    <w:p><w:pPr><w:pStyle w:val="T"/></w:pPr><w:r><w:t>标题</w:t></w:r></w:p>
                    <w:p><w:r><w:t xml:space="preserve">正文 </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{textBox}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{textBox}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
                  </w:body>
                </w:document>
                """));

        var document = await ReadAsync(bytes);

        // A text box holds paragraphs of its own (issue 12: a statement typed into one text box was one paragraph).
        Assert.Equal(["标题", "正文", "框内文字"], document.Blocks.Select(b => b.Text));
        Assert.Equal(0, document.Blocks[0].HeadingLevel);
    }

    [Fact]
    public async Task Read_RejectsAPackageWithoutADocumentBody()
    {
        var bytes = Zip(("word/document.xml", """<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"""));

        var outcome = await new DocxReader().ReadAsync(bytes, FormatSniffer.Detect(bytes));

        Assert.Null(outcome.Document);
        Assert.Equal("unreadable", outcome.RejectionCode);
        Assert.Contains("word/document.xml", outcome.RejectionReason, StringComparison.Ordinal);
    }

    private static async Task<TextDocument> ReadAsync(byte[] bytes)
    {
        var outcome = await new DocxReader().ReadAsync(bytes, FormatSniffer.Detect(bytes));
        Assert.Null(outcome.RejectionReason);
        Assert.Equal(TextOrigin.Docx, outcome.Document!.Origin);
        return outcome.Document;
    }

    internal static byte[] Build(Action<Body> fill, Action<MainDocumentPart>? parts = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            fill(body);
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(body);
            parts?.Invoke(main);
        }

        return stream.ToArray();
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Paragraph Numbered(int numId, int level, string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })), new Run(new Text(text)));

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content.Trim()));
            }
        }

        return stream.ToArray();
    }
}
