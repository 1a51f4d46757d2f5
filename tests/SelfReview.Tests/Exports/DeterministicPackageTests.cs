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
}
