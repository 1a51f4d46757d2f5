using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// Finds text lines with the PP-OCRv4 detection model: the page resized so its longest side is at most
/// <see cref="OcrOptions.DetectionMaxSide"/> (a long image: as many pixels as a page of that size; sides rounded to multiples of 32, the network's stride),
/// normalised with the ImageNet mean and deviation as PaddleOCR's <c>NormalizeImage</c> does, then the
/// probability map post-processed by <see cref="DbPostProcessor"/>.
/// </summary>
internal static class TextDetector
{
    // ImageNet statistics in PaddleOCR's channel order (it reads images as BGR and applies the list as is);
    // a grey page has the same value in all three channels.
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Deviation = [0.229f, 0.224f, 0.225f];

    public static List<Quad> Detect(PaddleModels models, GrayImage page, int maxSide, CancellationToken stop)
    {
        // The longest side at most maxSide; a long image (a 长图 of several pages stacked) instead gets the
        // pixels of a page-shaped one at that size (maxSide × maxSide/√2), or its type would shrink to specks.
        var budget = (double)maxSide * maxSide / Math.Sqrt(2);
        var scale = Math.Max(page.Width, page.Height) > 2 * Math.Min(page.Width, page.Height)
            ? (float)Math.Min(1, Math.Sqrt(budget / ((double)page.Width * page.Height)))
            : Math.Min(1f, (float)maxSide / Math.Max(page.Width, page.Height));
        var started = Stopwatch.GetTimestamp();
        var width = Math.Max(32, (int)MathF.Round(page.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)MathF.Round(page.Height * scale / 32) * 32);
        var plane = width * height;
        var input = new float[3 * plane];
        var sx = (float)page.Width / width;
        var sy = (float)page.Height / height;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // Box average when shrinking (a 300 dpi scan), bilinear otherwise: thin strokes must not vanish.
                var v = (sx > 1.5f ? Area(page, x * sx, y * sy, sx, sy) : page.Sample(((x + 0.5f) * sx) - 0.5f, ((y + 0.5f) * sy) - 0.5f)) / 255f;
                var i = (y * width) + x;
                input[i] = (v - Mean[0]) / Deviation[0];
                input[plane + i] = (v - Mean[1]) / Deviation[1];
                input[(2 * plane) + i] = (v - Mean[2]) / Deviation[2];
            }
        }

        PaddleStages.Record(PaddleStages.DetectionInput, started);
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [1, 3, height, width]);
        using var run = new RunOptions();
        using var terminate = stop.Register(() => run.Terminate = true);
        float[] probability;
        models.DetectionGate.Wait(stop);
        try
        {
            started = Stopwatch.GetTimestamp();
            using var outputs = models.Detection.Run(run, [models.DetectionInput], [tensor], models.Detection.OutputNames);
            probability = outputs[0].GetTensorDataAsSpan<float>().ToArray();
            PaddleStages.Record(PaddleStages.DetectionRun, started);
        }
        finally
        {
            models.DetectionGate.Release();
        }

        started = Stopwatch.GetTimestamp();
        var boxes = DbPostProcessor.Boxes(probability, width, height);
        List<Quad> scaled = [.. boxes.Select(b => b.ScaledInto(sx, sy, page.Width, page.Height))];
        PaddleStages.Record(PaddleStages.DetectionBoxes, started);
        return scaled;
    }

    private static float Area(GrayImage page, float x0, float y0, float w, float h)
    {
        int left = (int)x0, top = (int)y0;
        int right = Math.Min(page.Width, Math.Max(left + 1, (int)(x0 + w)));
        int bottom = Math.Min(page.Height, Math.Max(top + 1, (int)(y0 + h)));
        var sum = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                sum += page[x, y];
            }
        }

        var count = (right - left) * (bottom - top);
        return count > 0 ? (float)sum / count : 255f;
    }
}
