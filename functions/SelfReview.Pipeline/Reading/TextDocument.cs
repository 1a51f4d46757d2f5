using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading;

/// <summary>The text of an upload as ordered blocks, whatever format it came in.</summary>
/// <param name="Blocks">Paragraphs (and table cells' paragraphs) in reading order.</param>
/// <param name="Origin">How the text was obtained.</param>
/// <param name="Pages">Pages read, for paged formats.</param>
/// <param name="Flags">What reading had to repair (mixed encodings, stray NULs, invisible characters), for the record's quality.</param>
public sealed record TextDocument(IReadOnlyList<TextBlock> Blocks, TextOrigin Origin, int? Pages = null, IReadOnlyList<QualityFlag>? Flags = null)
{
    public int Characters => Blocks.Sum(b => b.Text.Length + (b.Label?.Length ?? 0));
}
