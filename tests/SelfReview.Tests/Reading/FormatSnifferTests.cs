using System.IO.Compression;
using System.Text;
using SelfReview.Contracts;

namespace SelfReview.Tests.Reading;

public sealed class FormatSnifferTests
{
    private static readonly byte[] CfbHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static TheoryData<string, byte[], string, string> Rejections() => new()
    {
        { "旧版.doc", [.. CfbHeader, .. new byte[64], .. Encoding.Unicode.GetBytes("WordDocument"), .. new byte[64]], "legacy_doc", "另存为”.docx" },
        { "加密.docx", [.. CfbHeader, .. new byte[64], .. Encoding.Unicode.GetBytes("EncryptedPackage"), .. new byte[64]], "encrypted", "密码" },
        { "空.txt", [], "empty", "文件为空" },
        { "图.bin", [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x00], "unsupported_format", "文件头 0001020304050607" },
        { "表格.xlsx", Zip("xl/workbook.xml"), "unsupported_format", "Excel 工作簿" },
        { "压缩包.zip", Zip("a.txt"), "unsupported_format", "ZIP 压缩包" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Process_RejectsWhatIsNotSupported_NamingTheFileAndTheReason(string fileName, byte[] bytes, string code, string reason)
    {
        var record = await Engine.ProcessAsync(bytes, fileName);

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Equal(code, record.Rejection!.Code);
        Assert.Contains(fileName, record.Rejection.Message, StringComparison.Ordinal);
        Assert.Contains(reason, record.Rejection.Message, StringComparison.Ordinal);
        Assert.Empty(record.Sections);
    }

    [Fact]
    public async Task Process_TellsTheFormatFromTheBytes_NotTheName()
    {
        var record = await Engine.ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedDocx), "renamed.txt");

        Assert.Equal(TextOrigin.Docx, record.Source.TextOrigin);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", record.Source.MediaType);
    }

    private static byte[] Zip(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<x/>");
        }

        return stream.ToArray();
    }
}
