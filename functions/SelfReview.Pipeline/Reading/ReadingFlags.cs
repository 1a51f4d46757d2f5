using System.Globalization;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading;

/// <summary>The quality flags of what a reader repaired: the text was read, and the person should check it.</summary>
internal static class ReadingFlags
{
    public static QualityFlag MixedEncoding(int lines) => new()
    {
        Code = "mixed_encoding",
        Message = string.Create(CultureInfo.InvariantCulture, $"材料中有 {lines} 行的文字编码与其余部分不同（UTF-8 与 GB18030/GBK 混用，多为从不同文件复制拼接），已逐行识别，请核对这些行的文字。"),
    };

    public static QualityFlag NulBytes(int count) => new()
    {
        Code = "nul_bytes",
        Message = string.Create(CultureInfo.InvariantCulture, $"材料中有 {count} 个空字符（NUL），已去除；文件可能在复制或转换时受损，请核对内容。"),
    };

    public static QualityFlag Undecodable(int lines) => new()
    {
        Code = "undecodable_lines",
        Message = string.Create(CultureInfo.InvariantCulture, $"材料中有 {lines} 行无法按 UTF-8 或 GB18030 识别，显示为替换符号“�”，请核对这些行。"),
    };

    public static QualityFlag InvisibleCharacters(int count) => new()
    {
        Code = "invisible_characters",
        Message = string.Create(CultureInfo.InvariantCulture, $"材料中有 {count} 个不可见字符（零宽字符、文字方向控制符等），已去除。这类字符会打乱条目的识别，也可能被用来隐藏或伪装文字。"),
    };
}
