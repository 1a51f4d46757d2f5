using System.Text;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading.Text;

namespace SelfReview.Tests.Reading;

public sealed class TextDecoderTests
{
    public static TheoryData<string, byte[]> Encodings()
    {
        var text = File.ReadAllText(TestFiles.SeedText, Encoding.UTF8);
        return new TheoryData<string, byte[]>
        {
            { "utf-8", Encoding.UTF8.GetBytes(text) },
            { "utf-8-bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] },
            { "utf-16le", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] },
            { "utf-16be", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)] },
            { "utf-16le", Encoding.Unicode.GetBytes("ab\r\n" + text) },
            { "gb18030", TextDecoder.Gb18030.GetBytes(text) },
        };
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void TryDecode_ReadsEveryEncodingOfficesUse(string expectedEncoding, byte[] bytes)
    {
        Assert.True(TextDecoder.TryDecode(bytes, out var text, out var encoding));
        Assert.Equal(expectedEncoding, encoding);
        Assert.Contains("创新本领还有待提升", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Process_GivesTheSeedsStructure_InEveryEncoding(string encoding, byte[] bytes)
    {
        var record = await Engine.ProcessAsync(bytes, encoding + ".txt");

        Assert.Equal(RecordStatus.Accepted, record.Status);
        Assert.Equal((4, 3, 4), (record.Items(SectionKind.Problems).Count, record.Items(SectionKind.Causes).Count, record.Items(SectionKind.Measures).Count));
    }

    [Fact]
    public void TryDecode_RefusesBinary() =>
        Assert.False(TextDecoder.TryDecode([0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x13, 0x88, 0x00, 0x00], out _, out _));
}
