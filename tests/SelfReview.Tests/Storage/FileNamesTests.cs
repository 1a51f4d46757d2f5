using System.Text;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Storage;

public sealed class FileNamesTests
{
    [Fact]
    public void UniqueOutputName_FitsIn255Bytes_WhenALongChineseNameGetsItsSuffix()
    {
        var name = new string('检', 83) + ".docx"; // 254 bytes: allowed on the user's system
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var first = FileNames.UniqueOutputName(name, ".json", used);
        var second = FileNames.UniqueOutputName(name, ".json", used);

        Assert.True(Encoding.UTF8.GetByteCount(first) <= 255);
        Assert.True(Encoding.UTF8.GetByteCount(second) <= 255);
        Assert.EndsWith(".docx.json", first, StringComparison.Ordinal);
        Assert.EndsWith("~2.docx.json", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("..\\..\\材料.docx", "材料.docx")]
    [InlineData("../etc/passwd", "etc_passwd")]
    [InlineData("材料\n伪造.txt", "材料_伪造.txt")]
    [InlineData("a:b*c?.txt", "a_b_c_.txt")]
    [InlineData("\u202Etxt.exe", "txt.exe")]
    [InlineData("..", "file")]
    public void Safe_RemovesSeparatorsDotDotAndControls(string name, string expected) => Assert.Equal(expected, FileNames.Safe(name));

    [Fact]
    public void Printable_EscapesNewlinesAndDirectionControls_SoANameCannotForgeALine()
    {
        Assert.Equal("材料\\n[1/1] forged", FileNames.Printable("材料\n[1/1] forged"));
        Assert.Equal("\\u202Etxt.exe", FileNames.Printable("\u202Etxt.exe"));
        Assert.Equal("普通名称.docx", FileNames.Printable("普通名称.docx"));
    }

    [Theory]
    [InlineData(300, 'a')]
    [InlineData(120, '检')]
    public void UniqueUploadName_FitsTheStoreAndTheFileSystem_WhenTheNameIsLong(int length, char c)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var name = new string(c, length) + ".docx";

        var first = FileNames.UniqueUploadName(name, used);
        var second = FileNames.UniqueUploadName(name, used);

        Assert.True(StorageLayout.IsValidFileName(first), first);
        Assert.True(StorageLayout.IsValidFileName(second), second);
        Assert.EndsWith(".docx", first, StringComparison.Ordinal);
        Assert.EndsWith("~2.docx", second, StringComparison.Ordinal);
    }
}
