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

    private static async Task<TextDocument> ReadAsync(byte[] bytes)
    {
        var outcome = await new DocxReader().ReadAsync(bytes, FormatSniffer.Detect(bytes));
        Assert.Null(outcome.RejectionReason);
        Assert.Equal(TextOrigin.Docx, outcome.Document!.Origin);
        return outcome.Document;
    }

    internal static byte[] Build(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            fill(body);
            doc.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }
}
