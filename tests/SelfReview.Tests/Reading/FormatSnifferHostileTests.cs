using SelfReview.Pipeline.Reading;
using SelfReview.Tests.Hostile;

namespace SelfReview.Tests.Reading;

public sealed class FormatSnifferHostileTests
{
    public static TheoryData<string, FileKind> Files => new()
    {
        { "网页另存为.doc", FileKind.Html },
        { "网页存档.mht", FileKind.Mhtml },
        { "photo.gif", FileKind.UnsupportedImage },
        { "iphone.heic", FileKind.UnsupportedImage },
        { "image.webp", FileKind.UnsupportedImage },
        { "nul-byte.txt", FileKind.Text },
        { "mixed-encodings.txt", FileKind.Text },
        { "random.bin", FileKind.OtherBinary },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Detect_TellsTheFormatFromTheBytes(string name, FileKind kind) => Assert.Equal(kind, FormatSniffer.Detect(HostileFiles.Make(name)).Kind);

    [Fact]
    public async Task Process_NamesHeicInPlainWords_WithWhatToDo()
    {
        var record = await Engine.ProcessAsync(HostileFiles.Heic(), "IMG_0001.HEIC");

        Assert.Contains("HEIC", record.Rejection!.Message, StringComparison.Ordinal);
        Assert.Contains("JPG", record.Rejection.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("文件头", record.Rejection.Message, StringComparison.Ordinal);
    }
}
