namespace SelfReview.Pipeline.Storage;

/// <summary>What a unit holds under a statement id (<see cref="UnitStatusReader.FindAsync"/>).</summary>
public abstract record StatementLookup
{
    private StatementLookup()
    {
    }

    /// <summary>The record exists.</summary>
    public sealed record Recorded(StoredRecord Stored) : StatementLookup;

    /// <summary>The upload is stored but not processed yet.</summary>
    public sealed record Pending(string FileName) : StatementLookup;

    /// <summary>The unit has no such statement.</summary>
    public sealed record Missing : StatementLookup;
}
