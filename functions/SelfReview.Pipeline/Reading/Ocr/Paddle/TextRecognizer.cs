using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

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
        var jobs = new List<Job>(boxes.Count);
        for (var index = 0; index < boxes.Count; index++)
        {
            var box = Lengthened(boxes[index].Height >= VerticalRatio * boxes[index].Width ? boxes[index].QuarterTurned : boxes[index]);
            var width = TargetWidth(box);
            jobs.Add(new Job(index, box, width, BucketFor(width)));
        }

        jobs.Sort((a, b) => a.Width.CompareTo(b.Width));
        var batches = new List<(int Start, int Count)>();
        for (var start = 0; start < jobs.Count;)
        {
            var end = start + 1;
            while (end < jobs.Count && end - start < BatchSize && jobs[end].Bucket == jobs[start].Bucket)
            {
                end++;
            }

            batches.Add((start, end - start));
            start = end;
        }

        var results = new RecognisedLine[boxes.Count];
        // A page's batches run side by side, each on one thread, as many at a time across the process as
        // there are processors (PaddleModels.RecognitionGate): a page alone uses every core, two pages in
        // flight share them, and single-threaded runs waste nothing on synchronising a small convolution.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = models.RecognitionSlots, CancellationToken = stop };
        var started = new StrongBox<int>(0);
        try
        {
            Parallel.For(0, batches.Count, parallel, i =>
                RunBatch(models, page, jobs, batches[i], boxes, results, timed, last: Interlocked.Increment(ref started.Value) == batches.Count, stop));
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count > 0)
        {
            // The first failure as itself (a run stopped by RunOptions.Terminate is an OnnxRuntimeException the engine expects).
            ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
        }

        return [.. results];
    }

    private static void RunBatch(
        PaddleModels models, GrayImage page, List<Job> jobs, (int Start, int Count) batch, IReadOnlyList<Quad> boxes, RecognisedLine[] results, bool timed, bool last, CancellationToken stop)
    {
        var (start, count) = batch;
        var bucket = jobs[start].Bucket;
        var plane = InputHeight * bucket;
        models.RecognitionGate.Wait(stop);
        try
        {
            var started = Stopwatch.GetTimestamp();
            // Each line is warped straight into a tensor of the runtime's own allocator: no managed copy per batch.
            using var tensor = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [count, 3, InputHeight, bucket]);
            var input = tensor.GetTensorMutableDataAsSpan<float>();
            input.Clear();
            for (var b = 0; b < count; b++)
            {
                Warp(page, jobs[start + b].Box, jobs[start + b].Width, input.Slice(b * 3 * plane, 3 * plane), bucket);
            }

            Time(timed, PaddleStages.RecognitionInput, ref started);
            using var run = new RunOptions();
            if (last)
            {
                // The page's last batch hands the arena's unused chunks back: a worker reading scan after scan
                // otherwise keeps every chunk the shapes of earlier pages left behind (a 3-page scan and then a
                // photo peaked at 1,066 MB, the photo alone at 540–590 MB).
                run.AddRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
            }

            using var terminate = stop.Register(() => run.Terminate = true);
            using var outputs = models.Recognition.Run(run, [models.RecognitionInput], [tensor], models.Recognition.OutputNames);
            Time(timed, PaddleStages.RecognitionRun, ref started);
            var output = outputs[0];
            var shape = output.GetTensorTypeAndShape().Shape; // [batch, steps, classes]
            var perLine = (int)(shape[1] * shape[2]);
            var probabilities = output.GetTensorDataAsSpan<float>();
            for (var b = 0; b < count; b++)
            {
                var index = jobs[start + b].Index;
                var (text, confidence) = CtcDecoder.Decode(probabilities.Slice(b * perLine, perLine), (int)shape[2], models.Characters);
                results[index] = new RecognisedLine(boxes[index], text, confidence);
            }

            Time(timed, PaddleStages.CtcDecoding, ref started);
        }
        finally
        {
            models.RecognitionGate.Release();
        }
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

    private static int BucketFor(int width)
    {
        foreach (var bucket in Buckets)
        {
            if (bucket >= width)
            {
                return bucket;
            }
        }

        return Buckets[^1];
    }

    private readonly record struct Job(int Index, Quad Box, int Width, int Bucket);

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
