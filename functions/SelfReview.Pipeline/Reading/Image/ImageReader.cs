using System.Globalization;
using Microsoft.Extensions.Options;
using SelfReview.Pipeline.Reading.Ocr;

namespace SelfReview.Pipeline.Reading.Image;

/// <summary>
/// Reads photos and scans (PNG, JPEG, TIFF with any number of pages) through the configured OCR engine,
/// after checking the page and pixel limits from the header.
/// </summary>
public sealed class ImageReader(IOcrEngine ocr, IOptions<LimitsOptions> options) : IDocumentReader
{
    public bool CanRead(FileKind kind) => kind is FileKind.Png or FileKind.Jpeg or FileKind.Tiff;

    public async Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        if (ImageHeader.Read(content.Span, format.Kind) is not { } frames)
        {
            return ReadOutcome.Rejected("unreadable", $"{format.Description}已损坏，无法读取图片尺寸");
        }

        if (frames.Count > limits.MaxPages)
        {
            return Limits.TooManyPages(frames.Count, limits.MaxPages);
        }

        var largest = frames.MaxBy(f => f.Pixels);
        if (largest.Pixels > limits.MaxPixelsPerPage)
        {
            return ReadOutcome.Rejected(
                "image_too_large",
                string.Create(CultureInfo.InvariantCulture, $"图片尺寸 {largest.Width}×{largest.Height}（{largest.Pixels / 10_000} 万像素）超过上限 {limits.MaxPixelsPerPage / 10_000} 万像素，请缩小后重新上传"));
        }

        // Pixels × frames: fifty frames each under the page limit are still fifty pages of OCR.
        var total = frames.Sum(f => f.Pixels);
        if (total > limits.MaxTotalPixels)
        {
            return ReadOutcome.Rejected(
                "image_too_large",
                string.Create(CultureInfo.InvariantCulture, $"图片共 {frames.Count} 帧、{total / 10_000} 万像素，超过每份文件 {limits.MaxTotalPixels / 10_000} 万像素的上限，请只上传材料的页面并缩小尺寸"));
        }

        var outcome = await OcrBudget.RecognizeAsync(ocr, new OcrRequest(content, format, [.. Enumerable.Range(1, frames.Count)]), limits, cancellationToken);
        if (outcome.Document is { } document && document.Characters == 0)
        {
            return Limits.NothingRecognised();
        }

        return outcome;
    }
}
