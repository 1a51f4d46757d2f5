namespace SelfReview.Fuzzing;

/// <summary>How one input ended: fine (read or rejected), or the kind of finding it is.</summary>
public enum FuzzVerdict
{
    /// <summary>Read, or rejected with a reason: the expected outcomes.</summary>
    Ok,

    /// <summary>An exception escaped the code under test.</summary>
    Crash,

    /// <summary>Did not finish within <see cref="FuzzBudgets.PerInput"/>.</summary>
    Hang,

    /// <summary>Finished, but exceeded an output or memory budget.</summary>
    Budget,
}
