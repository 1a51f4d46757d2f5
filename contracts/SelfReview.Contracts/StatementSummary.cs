namespace SelfReview.Contracts;

/// <summary>The per-statement summary.</summary>
public sealed record StatementSummary
{
    public int Problems { get; init; }
    public int Causes { get; init; }
    public int Measures { get; init; }

    /// <summary>Problems per category code.</summary>
    public IReadOnlyDictionary<string, int> ProblemsByCategory { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<string> ProblemTitles { get; init; } = [];
    public IReadOnlyList<string> CauseTitles { get; init; } = [];
    public IReadOnlyList<string> MeasureTitles { get; init; } = [];

    /// <summary>A short extractive summary in Chinese.</summary>
    public required string Text { get; init; }

    /// <summary>An abstractive summary from a chat model, when one is configured.</summary>
    public string? Abstractive { get; init; }
}
