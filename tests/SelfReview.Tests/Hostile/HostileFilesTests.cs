using System.Text.Json;
using SelfReview.Contracts;

namespace SelfReview.Tests.Hostile;

/// <summary>Each hostile file through the engine in process: the record it must end as.</summary>
public sealed class HostileFilesTests
{
    public static TheoryData<string, string> Rejections => new()
    {
        { "nested-sdt.docx", "too_deep" },
        { "million-paragraphs.docx", "too_long" },
        { "zip-bomb.docx", "zip_bomb" },
        { "duplicate-entries.docx", "damaged" },
        { "ten-thousand-items.txt", "too_long" },
        { "million-characters.txt", "too_long" },
        { "noise-49mp.png", "image_too_large" },
        { "deep.html", "too_deep" },
        { "photo.gif", "unsupported_image" },
        { "iphone.heic", "unsupported_image" },
        { "image.webp", "unsupported_image" },
        { "empty.docx", "empty" },
        { "random.bin", "unsupported_format" },
    };

    public static TheoryData<string> ReadLikeTheSeed => new()
    {
        "网页另存为.doc", "网页.htm", "网页存档.mht", "altchunk.docx", "textbox.docx", "nul-byte.txt", "mixed-encodings.txt", "zero-width.txt",
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Process_RejectsTheHostileFile_WithItsCodeAndAReasonNamingIt(string name, string code)
    {
        var record = await Engine.ProcessAsync(File(name), name);

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Equal(code, record.Rejection?.Code);
        Assert.Contains("“" + name + "”", record.Rejection!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadLikeTheSeed))]
    public async Task Process_ReadsTheTrickyFile_WithTheSeedsItemCounts(string name)
    {
        var seed = await Engine.ProcessAsync(HostileFiles.SeedUtf8(), "seed.txt");
        var record = await Engine.ProcessAsync(File(name), name);

        Assert.Equal(RecordStatus.Accepted, record.Status);
        Assert.Equal(
            (seed.Summary!.Problems, seed.Summary.Causes, seed.Summary.Measures),
            (record.Summary!.Problems, record.Summary.Causes, record.Summary.Measures));
    }

    [Theory]
    [InlineData("nul-byte.txt", "nul_bytes")]
    [InlineData("mixed-encodings.txt", "mixed_encoding")]
    [InlineData("zero-width.txt", "invisible_characters")]
    public async Task Process_FlagsWhatReadingRepaired(string name, string flag)
    {
        var record = await Engine.ProcessAsync(File(name), name);

        Assert.Contains(record.Quality, q => q.Code == flag);
    }

    [Theory]
    [InlineData("numbering-letters.docx")]
    [InlineData("numbering-repeat.docx")]
    public async Task Process_BoundsNumberingLabels_WhenACounterStartsAtTwoBillion(string name)
    {
        var record = await Engine.ProcessAsync(File(name), name);

        // 77-million-letter labels once made a 308 MB record; now every label is cut at 32 characters.
        var json = SelfReviewJson.Serialize(record, SelfReviewJson.Record);
        Assert.True(json.Length < 256 * 1024, $"record of {json.Length} bytes");
        using var document = JsonDocument.Parse(json);
        Assert.NotEqual("failed", document.RootElement.GetProperty("status").GetString());
    }

    private static byte[] File(string name) => HostileFiles.Make(name);
}
