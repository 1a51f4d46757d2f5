using System.Globalization;
using SelfReview.Pipeline.Reading.Ocr;

namespace SelfReview.Pipeline.Reading;

/// <summary>
/// OCR seconds per file (<see cref="LimitsOptions.OcrSecondsPerFile"/>), over all its pages: an engine's
/// per-page time-out alone lets a 50-frame TIFF take 50 times as long.
/// </summary>
internal static class OcrBudget
{
    public static async Task<ReadOutcome> RecognizeAsync(IOcrEngine ocr, OcrRequest request, LimitsOptions limits, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(limits.OcrSecondsPerFile));
        try
        {
            return await ocr.RecognizeAsync(request, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ReadOutcome.Rejected(
                "ocr_timeout",
                string.Create(CultureInfo.InvariantCulture, $"文字识别超过每份文件 {limits.OcrSecondsPerFile} 秒的上限（共 {request.Pages.Count} 页），请确认扫描件清晰、尺寸正常，或上传 Word 原文件"));
        }
    }
}
