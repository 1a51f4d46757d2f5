using System.IO.Compression;
using SelfReview.Pipeline.Exports;

namespace SelfReview.Tests.Exports;

/// <summary>The same report renders to the same bytes, so unchanged report files need not be written again.</summary>
public sealed class DeterministicPackageTests
{
    [Fact]
    public async Task EveryReportFile_IsTheSameBytes_WhenRenderedTwice_SecondsApart()
    {
        var report = await FortyMemberUnit.ReportAsync();
        var writer = Engine.Get<ReportWriter>();

        var first = writer.Render(report);
        await Task.Delay(TimeSpan.FromSeconds(2.2)); // a zip entry's time has a two-second resolution
        var second = writer.Render(report);

        Assert.Equal(first.Select(f => f.Name), second.Select(f => f.Name));
        Assert.All(first.Zip(second), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), pair.First.Name + " differs between two renders"));
    }

    [Fact]
    public void Normalize_KeepsEveryEntry_InOrder_WithItsContent_AndOneFixedTime()
    {
        using var package = new MemoryStream();
        using (var zip = new ZipArchive(package, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "_rels/.rels", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<" + name.Length + "/>");
            }
        }

        var normalized = DeterministicPackage.Normalize(package);

        using var read = new ZipArchive(new MemoryStream(normalized), ZipArchiveMode.Read);
        Assert.Equal(["[Content_Types].xml", "_rels/.rels", "word/document.xml"], read.Entries.Select(e => e.FullName));
        Assert.All(read.Entries, e => Assert.Equal(DeterministicPackage.EntryTime.Year, e.LastWriteTime.Year));
        using var reader = new StreamReader(read.Entries[2].Open());
        Assert.Equal("<17/>", reader.ReadToEnd());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OfficialDocument_Save_IsTheSdkPackage_ByteForByte(bool landscape)
    {
        static OfficialDocument Build()
        {
            var document = new OfficialDocument();
            document.Append(OfficialDocument.Paragraph("检视材料退改意见", OfficialDocument.TitleFont, OfficialDocument.SizeTitle, DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Center, lineTwips: 600));
            document.Append(OfficialDocument.Paragraph("正文第一段，首行缩进两字。", OfficialDocument.BodyFont, OfficialDocument.SizeBody, DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Both, firstLineChars: 2, lineTwips: OfficialDocument.BodyLinePitch));
            document.AppendSignature("某某单位", new DateOnly(2026, 12, 6));
            return document;
        }

        var fast = Build().Save(landscape);
        var reference = Build().SaveWithPackage(landscape);

        Assert.Equal(DeterministicPackage.Read(reference).Select(e => e.Name), DeterministicPackage.Read(fast).Select(e => e.Name));
        Assert.True(fast.AsSpan().SequenceEqual(reference), "the written package differs from the SDK's, normalised");
    }
}
