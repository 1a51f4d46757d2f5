using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Storage;

public sealed class StorageLayoutTests
{
    [Theory]
    [InlineData("unit-1")]
    [InlineData("A")]
    [InlineData("party_branch.3")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void UnitId_IsAccepted_WhenMadeOfTheAllowedCharacters(string unitId) => Assert.Null(StorageLayout.UnitIdError(unitId));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a..b")]
    [InlineData(".unit")]
    [InlineData("-unit")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("单位")]
    [InlineData("a b")]
    [InlineData("unit\n")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void UnitId_IsRefusedWithAReason_Otherwise(string? unitId) => Assert.NotNull(StorageLayout.UnitIdError(unitId));

    [Theory]
    [InlineData("张三-检视发言材料.docx")]
    [InlineData("a.txt")]
    [InlineData("scan (2).pdf")]
    [InlineData("报告")]
    public void FileName_IsAccepted_WithChineseAndSpaces(string fileName) => Assert.Null(StorageLayout.FileNameError(fileName));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("..")]
    [InlineData("../a.docx")]
    [InlineData("a/b.docx")]
    [InlineData("a\\b.docx")]
    [InlineData(".bashrc")]
    [InlineData(" a.docx")]
    [InlineData("a.docx ")]
    [InlineData("a%2F.docx")]
    [InlineData("a?.docx")]
    [InlineData("a\u0000.docx")]
    public void FileName_IsRefusedWithAReason_Otherwise(string? fileName) => Assert.NotNull(StorageLayout.FileNameError(fileName));

    [Fact]
    public void FileName_IsRefused_WhenLongerThan200CharactersOr255Bytes()
    {
        Assert.Null(StorageLayout.FileNameError(new string('a', 195) + ".docx"));
        Assert.Contains("过长", StorageLayout.FileNameError(new string('a', 196) + ".docx"), StringComparison.Ordinal);
        Assert.Null(StorageLayout.FileNameError(new string('文', 83) + ".docx"));
        Assert.Contains("过长", StorageLayout.FileNameError(new string('文', 84) + ".docx"), StringComparison.Ordinal);
    }
}
