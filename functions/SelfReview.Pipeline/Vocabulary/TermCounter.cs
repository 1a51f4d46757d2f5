namespace SelfReview.Pipeline.Vocabulary;

/// <summary>Counts non-overlapping ordinal occurrences of a term.</summary>
public static class TermCounter
{
    public static int Count(string text, string term)
    {
        var n = 0;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
