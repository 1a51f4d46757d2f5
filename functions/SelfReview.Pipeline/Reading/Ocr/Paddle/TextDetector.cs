using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

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
        // The input is written straight into a tensor of the runtime's own (non-arena) allocator: no
        // managed copy of tens of megabytes on the large object heap, and it is freed when the page is done.
        using var tensor = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [1, 3, height, width]);
        var input = tensor.GetTensorMutableDataAsSpan<float>();
        var sx = (float)page.Width / width;
        var sy = (float)page.Height / height;
        var shrink = sx > 1.5f;
        for (var y = 0; y < height; y++)
        {
            var row = input.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                // Box average when shrinking (a 300 dpi scan), bilinear otherwise: thin strokes must not vanish.
                row[x] = (shrink ? Area(page, x * sx, y * sy, sx, sy) : page.Sample(((x + 0.5f) * sx) - 0.5f, ((y + 0.5f) * sy) - 0.5f)) / 255f;
            }
        }

        // A grey page has the same value in all three channels: each channel is the grey plane normalised by its own mean and deviation.
        for (var c = 2; c >= 0; c--)
        {
            var channel = input.Slice(c * plane, plane);
            var grey = input[..plane];
            var (mean, deviation) = (Mean[c], Deviation[c]);
            for (var i = 0; i < plane; i++)
            {
                channel[i] = (grey[i] - mean) / deviation;
            }
        }

        PaddleStages.Record(PaddleStages.DetectionInput, started);
        using var run = new RunOptions();
        using var terminate = stop.Register(() => run.Terminate = true);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        models.DetectionGate.Wait(stop);
        try
        {
            started = Stopwatch.GetTimestamp();
            outputs = models.Detection.Run(run, [models.DetectionInput], [tensor], models.Detection.OutputNames);
            PaddleStages.Record(PaddleStages.DetectionRun, started);
        }
        finally
        {
            models.DetectionGate.Release();
        }

        using (outputs)
        {
            // The probability map is read where the runtime left it, outside the gate: the next page's detection may start meanwhile.
            started = Stopwatch.GetTimestamp();
            var boxes = DbPostProcessor.Boxes(outputs[0].GetTensorDataAsSpan<float>(), width, height);
            List<Quad> scaled = [.. boxes.Select(b => b.ScaledInto(sx, sy, page.Width, page.Height))];
            PaddleStages.Record(PaddleStages.DetectionBoxes, started);
            return scaled;
        }
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
