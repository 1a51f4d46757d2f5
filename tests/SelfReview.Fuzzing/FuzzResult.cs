namespace SelfReview.Fuzzing;

/// <summary>The verdict on one input, with what was wrong when it is a finding (no input content).</summary>
public sealed record FuzzResult(FuzzVerdict Verdict, string? Detail = null)
{
    public static FuzzResult Ok { get; } = new(FuzzVerdict.Ok);

    public bool IsFinding => Verdict != FuzzVerdict.Ok;

    public override string ToString() => Detail is null ? Verdict.ToString() : $"{Verdict}: {Detail}";
}
