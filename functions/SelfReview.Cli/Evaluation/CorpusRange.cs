using System.Globalization;

namespace SelfReview.Cli.Evaluation;

/// <summary>The corpus files to score, by the number their names start with (<c>--range 201-299</c>).</summary>
public sealed record CorpusRange(int From, int To)
{
    public static CorpusRange All { get; } = new(0, int.MaxValue);

    /// <summary>"201-299", "201-" or "-199"; null or empty for all files.</summary>
    public static CorpusRange Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var from = dash == 0 ? "" : dash < 0 ? text : text[..dash];
        var to = dash < 0 ? text : text[(dash + 1)..];
        return new CorpusRange(Number(from, 0), Number(to, int.MaxValue));

        static int Number(string value, int whenEmpty) =>
            value.Length == 0 ? whenEmpty
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new ArgumentException($"--range needs numbers such as 201-299, not \"{value}\"");
    }

    /// <summary>Whether a file whose name starts with a number (201.txt, 201_x.docx) is in the range; other names are only in <see cref="All"/>.</summary>
    public bool Contains(string fileName)
    {
        var digits = fileName.TakeWhile(char.IsAsciiDigit).Count();
        return digits == 0
            ? this == All
            : int.TryParse(fileName.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= From && n <= To;
    }
}
