using System.Globalization;

namespace SelfReview.Cli.Evaluation;

/// <summary>How many of the cases a measure applies to came out right.</summary>
public sealed record Tally(int Hits, int Total)
{
    public static Tally None { get; } = new(0, 0);

    public double Rate => Total == 0 ? 1 : (double)Hits / Total;

    public Tally Add(bool hit) => new(Hits + (hit ? 1 : 0), Total + 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Hits}/{Total} ({Rate:0.000})");
}
