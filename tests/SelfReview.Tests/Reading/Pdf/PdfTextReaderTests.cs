using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Pdf;
using SelfReview.Tests.Reading.Ocr;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace SelfReview.Tests.Reading.Pdf;

public sealed class PdfTextReaderTests
{
    [Fact]
    public async Task Read_GivesTheTextLayerParagraphByParagraph_AsTheSeedWasWritten()
    {
        var bytes = await File.ReadAllBytesAsync(TestFiles.SeedTextPdf);
        var reader = Engine.Services.GetServices<IDocumentReader>().OfType<PdfTextReader>().Single();

        var outcome = await reader.ReadAsync(bytes, FormatSniffer.Detect(bytes));

        var document = Assert.IsType<TextDocument>(outcome.Document);
        Assert.Equal(TextOrigin.PdfTextLayer, document.Origin);
        Assert.Equal(3, document.Pages);
        // Every line of the seed is one paragraph: lines grouped by baseline, Chinese joined without
        // spaces, quotation marks (set in another font) in their place, paragraphs split at the indents.
        var seed = File.ReadAllLines(TestFiles.SeedText, Encoding.UTF8).Where(l => l.Trim().Length > 0);
        Assert.Equal(seed, document.Blocks.Select(b => b.Text));
        Assert.Equal(0, document.Blocks[0].HeadingLevel);
        Assert.Equal([1, 2, 3], document.Blocks.Select(b => b.Page!.Value).Distinct());
        Assert.Contains(document.Blocks, b => b.Text.Contains("“八个坚持”生态文明思想", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Process_ReadsATextPdfWithoutOcr_IntoTheSeedsStructure()
    {
        using var services = OcrEngines.Configured(new Dictionary<string, string?>(), record: true);

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedTextPdf), "seed.text.pdf", "test");

        Assert.Equal(RecordStatus.Accepted, record.Status);
        Assert.Equal(TextOrigin.PdfTextLayer, record.Source.TextOrigin);
        Assert.Equal(3, record.Source.Pages);
        Assert.Empty(services.GetRequiredService<RecordingOcrEngine>().Calls);
        SeedStructure.AssertMatches(record);
    }

    [Fact]
    public async Task Process_SendsAPageWhoseTextIsGarbage_ToOcr()
    {
        // What a Chinese font without a Unicode map looks like from the text layer: Latin-1 symbols and letters.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("¡¢£¤¥§¨«ª¯´¸»¿ÆŁØŒºæıłøœß¡¢£¤¥§¨«ª¯´¸»¿ÆŁØŒºæıłøœß", 12, new PdfPoint(72, 720), font);
        using var services = OcrEngines.Configured(new Dictionary<string, string?>(), record: true);

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(builder.Build(), "乱码.pdf", "test");

        var call = Assert.Single(services.GetRequiredService<RecordingOcrEngine>().Calls);
        Assert.Equal([1], call.Request.Pages);
        Assert.Equal(TextOrigin.OcrTesseract, record.Source.TextOrigin);
        Assert.Equal(RecordStatus.Rejected, record.Status);
    }

    [Fact]
    public async Task Process_RejectsADamagedPdf_AsUnreadable()
    {
        var record = await Engine.ProcessAsync(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ntrailer << /Root 1 0 R >>\n%%EOF"), "损坏.pdf");

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Equal("unreadable", record.Rejection!.Code);
        Assert.Contains("损坏.pdf", record.Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_RejectsAPdfWithMorePagesThanTheLimit_NamingBoth()
    {
        using var services = OcrEngines.Configured(new Dictionary<string, string?> { ["Limits:MaxPages"] = "2" });

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedTextPdf), "长.pdf", "test");

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Equal("too_many_pages", record.Rejection!.Code);
        Assert.Contains("共 3 页", record.Rejection.Message, StringComparison.Ordinal);
        Assert.Contains("2 页的上限", record.Rejection.Message, StringComparison.Ordinal);
    }
}
