using Microsoft.ML.OnnxRuntime;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// The PP-OCRv4 detection and recognition sessions and the recognition dictionary, loaded once per
/// process and shared by every page: <see cref="InferenceSession.Run(IReadOnlyCollection{NamedOnnxValue})"/>
/// is thread-safe, and one session holds the weights once however many pages run at the same time.
/// </summary>
internal sealed class PaddleModels : IDisposable
{
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string DictionaryFile = "ppocr_keys_v1.txt";

    private PaddleModels(InferenceSession detection, InferenceSession recognition, string[] characters, int recognitionSlots)
    {
        DetectionGate = new SemaphoreSlim(1);
        RecognitionSlots = recognitionSlots;
        RecognitionGate = new SemaphoreSlim(recognitionSlots);
        Detection = detection;
        Recognition = recognition;
        Characters = characters;
        DetectionInput = detection.InputMetadata.Keys.First();
        RecognitionInput = recognition.InputMetadata.Keys.First();
    }

    public InferenceSession Detection { get; }

    /// <summary>
    /// One detection at a time, with all the threads it was given: a detection run holds a few hundred
    /// megabytes of feature maps, recognition runs a few tens, so pages overlap in recognition and
    /// queue for detection, which keeps two pages in flight within the memory of one detection.
    /// </summary>
    public SemaphoreSlim DetectionGate { get; }

    public InferenceSession Recognition { get; }

    /// <summary>Recognition runs at once across the process, each on <see cref="RecognitionGate"/>'s one slot and one thread.</summary>
    public int RecognitionSlots { get; }

    /// <summary>
    /// As many recognition runs at a time as there are slots, whichever pages they belong to: a page read
    /// alone spreads its lines over every processor, pages in flight together share them, and no more
    /// runs' activations are alive at once than there are processors.
    /// </summary>
    public SemaphoreSlim RecognitionGate { get; }

    public string DetectionInput { get; }

    public string RecognitionInput { get; }

    /// <summary>Recognition classes: 0 is the CTC blank, then the dictionary in file order, then a space (PaddleOCR's use_space_char).</summary>
    public string[] Characters { get; }

    /// <summary>The first of the three files missing from <paramref name="directory"/>, or null when all are there.</summary>
    public static string? MissingFile(string directory) =>
        new[] { DetectionFile, RecognitionFile, DictionaryFile }.FirstOrDefault(f => !File.Exists(Path.Combine(directory, f)));

    /// <summary>
    /// Loads the models from <paramref name="directory"/>, which <see cref="MissingFile"/> found complete;
    /// a detection run may use <paramref name="detectionThreads"/>, a recognition run <paramref name="recognitionThreads"/>.
    /// </summary>
    public static PaddleModels Load(string directory, int detectionThreads, int recognitionThreads, int recognitionSlots)
    {
        SharedArena.Value.ToString();
        var detection = new InferenceSession(Path.Combine(directory, DetectionFile), Options(detectionThreads, sharedArena: false));
        var recognition = new InferenceSession(Path.Combine(directory, RecognitionFile), Options(recognitionThreads, sharedArena: true));
        var dictionary = File.ReadAllText(Path.Combine(directory, DictionaryFile))
            .Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .ToList();
        if (dictionary.Count > 0 && dictionary[^1].Length == 0)
        {
            dictionary.RemoveAt(dictionary.Count - 1);
        }

        string[] characters = ["", .. dictionary, " "];
        var classes = recognition.OutputMetadata.Values.First().Dimensions[^1];
        if (classes != characters.Length)
        {
            detection.Dispose();
            recognition.Dispose();
            throw new InvalidDataException(
                $"The recognition model has {classes} classes but {DictionaryFile} gives {characters.Length} (blank + {dictionary.Count} + space): the models and dictionary do not belong together.");
        }

        return new PaddleModels(detection, recognition, characters, recognitionSlots);
    }

    public void Dispose()
    {
        DetectionGate.Dispose();
        RecognitionGate.Dispose();
        Detection.Dispose();
        Recognition.Dispose();
    }

    /// <summary>Registers the shared CPU arena with the runtime's environment once per process.</summary>
    private static readonly Lazy<bool> SharedArena = new(() =>
    {
        using var memory = new OrtMemoryInfo(OrtMemoryInfo.allocatorCPU, OrtAllocatorType.ArenaAllocator, 0, OrtMemType.Default);
        // maxMemory 0 = unlimited, arenaExtendStrategy 1 = kSameAsRequested, defaults for the chunk sizes.
        using var arena = new OrtArenaCfg(0, 1, -1, -1);
        try
        {
            OrtEnv.Instance().CreateAndRegisterAllocator(memory, arena);
        }
        catch (OnnxRuntimeException)
        {
            // Registered already (a second engine in the same process, as in the tests): that one is shared.
        }

        return true;
    });

    private static SessionOptions Options(int intraOpThreads, bool sharedArena)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (sharedArena)
        {
            // Recognition draws on one process-wide arena that grows by what is asked and no more (not by
            // powers of two): without an arena every one of a page's few dozen runs maps and unmaps its
            // tensors afresh, which cost as much system time as the model's own arithmetic.
            options.AddSessionConfigEntry("session.use_env_allocators", "1");
        }
        else
        {
            // Detection runs once per page on one large input: its feature maps (a few hundred megabytes
            // at 2,048 px, about 250 bytes per input pixel) come from the system allocator and go back to it
            // when the run ends, instead of staying reserved in the arena for the rest of the process.
            options.EnableCpuMemArena = false;
        }

        // Idle ONNX Runtime threads spin for work by default, which steals the processor from the other
        // page in flight (and from the rest of the machine) on a small host.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        // Denormal floats (tiny activations on blank paper) take the slow path of the FPU; flushing them to zero does not change a result.
        options.AddSessionConfigEntry("session.set_denormal_as_zero", "1");
        return options;
    }
}
