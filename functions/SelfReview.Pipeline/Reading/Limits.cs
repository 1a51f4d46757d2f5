using System.Globalization;

namespace SelfReview.Pipeline.Reading;

/// <summary>Rejections shared by the paged readers (PDF, images).</summary>
internal static class Limits
{
    public static ReadOutcome TooManyPages(int pages, int max) => ReadOutcome.Rejected(
        "too_many_pages",
        string.Create(CultureInfo.InvariantCulture, $"文件共 {pages} 页，超过每份材料 {max} 页的上限，请只上传检视发言材料本身"));

    public static ReadOutcome NothingRecognised() => ReadOutcome.Rejected(
        "unreadable_scan",
        "扫描件或照片中未能识别出文字，请确认图片清晰、方向正确后重新上传");
}
