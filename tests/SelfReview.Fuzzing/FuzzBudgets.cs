namespace SelfReview.Fuzzing;

/// <summary>
/// What one input may cost before the harness calls it a finding. A reader is expected to reject what
/// it cannot read within these (a rejected outcome is fine); it must never exceed them.
/// </summary>
/// <remarks>
/// Generous on purpose: the engine's own read budgets (issue 12) are far tighter, and these only catch
/// what escapes them — a hang, an explosion of output, an allocation storm.
/// </remarks>
public static class FuzzBudgets
{
    /// <summary>CPU time of one input before it counts as a hang (the seed statement takes tens of milliseconds).</summary>
    public static TimeSpan PerInput { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes one input may allocate in the harness thread's process (a statement needs a few MB).</summary>
    public const long AllocatedBytes = 1L << 30;

    /// <summary>Characters of text (blocks and labels) a reader may produce: a statement has tens of thousands.</summary>
    public static long MaxCharacters(int inputLength) => Math.Max(2_000_000L, 64L * inputLength);

    /// <summary>Size of a record's JSON: what would be written to the store for one upload.</summary>
    public static long MaxRecordBytes(int inputLength) => Math.Max(8_000_000L, 64L * inputLength);
}
