using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// Reads detected boxes with the PP-OCRv4 recognition model. Each box is warped straight out of the
/// page into the input tensor, 48 pixels high (the model's input height) by the width that keeps its
/// aspect ratio: an affine map from the box's corners, so a skewed or rotated line comes out level, and
/// no crop of the page is ever copied per line. Boxes are sorted by width and batched into fixed width
/// buckets, padded with zeros as PaddleOCR's <c>resize_norm_img</c> pads, so a batch never pays for a
/// line much wider than its own and the runtime sees a handful of shapes.
/// </summary>
internal static class TextRecognizer
{
    public const int InputHeight = 48;

    /// <summary>How far each box is lengthened at each end, in its heights.</summary>
    private const float EndPadding = 0.25f;

    /// <summary>
    /// Lines in one model run. Small: on a CPU a batch saves little per line (a line of 1,700 × 48 pixels
    /// already fills the vector units), while its activations grow with every line in it; on the seed's
    /// first page batches of 8 took as much processor time as batches of 1–4 and 180 MB more memory.
    /// </summary>
    private const int BatchSize = 4;

    /// <summary>
    /// Width buckets (pixels at 48 high), every 160 from 320 up to 3,200 (a ratio of 66, a very long
    /// line): a line of 36 characters is about 1,700 wide, so padding costs at most a tenth of it. Nothing
    /// is narrower than 320, PaddleOCR's own minimum (rec_image_shape 3×48×320): a short last line of two
    /// characters and a full stop, padded less, loses the full stop.
    /// </summary>
    private static readonly int[] Buckets = [.. Enumerable.Range(2, 19).Select(i => i * 160)];

    /// <summary>Boxes taller than wide by this ratio hold vertical text (PaddleOCR turns such crops a quarter).</summary>
    private const float VerticalRatio = 1.5f;

    public static List<RecognisedLine> Recognise(PaddleModels models, GrayImage page, IReadOnlyList<Quad> boxes, CancellationToken stop, bool timed = true)
    {
        var jobs = boxes
            .Select((box, index) => (Index: index, Box: box.Height >= VerticalRatio * box.Width ? box.QuarterTurned : box))
            .Select(j => (j.Index, Box: Lengthened(j.Box), Width: TargetWidth(Lengthened(j.Box))))
            .OrderBy(j => j.Width)
            .ToList();
        var results = new RecognisedLine[boxes.Count];
        for (var start = 0; start < jobs.Count;)
        {
            var bucket = BucketFor(jobs[start].Width);
            var end = start;
            while (end < jobs.Count && end - start < BatchSize && BucketFor(jobs[end].Width) == bucket)
            {
                end++;
            }

            var started = Stopwatch.GetTimestamp();
            var batch = jobs.GetRange(start, end - start);
            var plane = InputHeight * bucket;
            var input = new float[batch.Count * 3 * plane];
            for (var b = 0; b < batch.Count; b++)
            {
                Warp(page, batch[b].Box, batch[b].Width, input.AsSpan(b * 3 * plane, 3 * plane), bucket);
            }

            Time(timed, PaddleStages.RecognitionInput, ref started);
            using var tensor = OrtValue.CreateTensorValueFromMemory(input, [batch.Count, 3, InputHeight, bucket]);
            using var run = new RunOptions();
            using var terminate = stop.Register(() => run.Terminate = true);
            using var outputs = models.Recognition.Run(run, [models.RecognitionInput], [tensor], models.Recognition.OutputNames);
            Time(timed, PaddleStages.RecognitionRun, ref started);
            var output = outputs[0];
            var shape = output.GetTensorTypeAndShape().Shape; // [batch, steps, classes]
            var perLine = (int)(shape[1] * shape[2]);
            var probabilities = output.GetTensorDataAsSpan<float>();
            for (var b = 0; b < batch.Count; b++)
            {
                var (text, confidence) = CtcDecoder.Decode(probabilities.Slice(b * perLine, perLine), (int)shape[2], models.Characters);
                results[batch[b].Index] = new RecognisedLine(boxes[batch[b].Index], text, confidence);
            }

            Time(timed, PaddleStages.CtcDecoding, ref started);
            start = end;
        }

        return [.. results];
    }

    private static void Time(bool timed, string stage, ref long started)
    {
        if (timed)
        {
            PaddleStages.Record(stage, started);
            started = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>
    /// The box lengthened at both ends by a fraction of its height: the detector's region stops at the
    /// strokes of the last character it is sure of, and a full stop or a closing bracket at the end of a
    /// line (a small mark low in its cell) is otherwise cut off.
    /// </summary>
    private static Quad Lengthened(Quad box)
    {
        var along = box.TopRight - box.TopLeft;
        var extra = along * (EndPadding * box.Height / Math.Max(1f, box.Width));
        return new Quad(box.TopLeft - extra, box.TopRight + extra, box.BottomRight + extra, box.BottomLeft - extra);
    }

    private static int TargetWidth(Quad box)
    {
        var ratio = box.Width / Math.Max(1f, box.Height);
        return Math.Clamp((int)MathF.Ceiling(InputHeight * ratio), 16, Buckets[^1]);
    }

    private static int BucketFor(int width) => Buckets.First(b => b >= width);

    /// <summary>
    /// Samples the box into one CHW slot of the tensor: pixel (i, j) of the crop comes from
    /// TopLeft + (TopRight − TopLeft)·u + (BottomLeft − TopLeft)·v at its centre, normalised to [−1, 1];
    /// the rest of the bucket stays 0.
    /// </summary>
    private static void Warp(GrayImage page, Quad box, int width, Span<float> slot, int bucket)
    {
        var plane = InputHeight * bucket;
        var along = box.TopRight - box.TopLeft;
        var across = box.BottomLeft - box.TopLeft;
        for (var j = 0; j < InputHeight; j++)
        {
            var v = (j + 0.5f) / InputHeight;
            for (var i = 0; i < width; i++)
            {
                var u = (i + 0.5f) / width;
                var p = box.TopLeft + (along * u) + (across * v);
                var value = (page.Sample(p.X - 0.5f, p.Y - 0.5f) / 127.5f) - 1f;
                var at = (j * bucket) + i;
                slot[at] = value;
                slot[plane + at] = value;
                slot[(2 * plane) + at] = value;
            }
        }
    }
}
