namespace SelfReview.Fixtures;

/// <summary>A statement made by <see cref="CorpusGenerator"/>, with what it holds (for tests to check the engine against).</summary>
/// <param name="FileName">u0001-001.docx: unit 1, member 1 (so a folder sorts by unit).</param>
/// <param name="Unit">0-based unit.</param>
/// <param name="Member">0-based member within the unit.</param>
/// <param name="Author">The name on the author line, or null when the statement has none.</param>
/// <param name="Lines">The paragraphs, typed labels included (the .docx moves 一、 and （一） into Word numbering).</param>
/// <param name="Options">How the .docx is built.</param>
/// <param name="Problems">Problems written (items at the finest level).</param>
/// <param name="Causes">Causes written.</param>
/// <param name="Measures">Measures written.</param>
/// <param name="SharedTitles">Titles of the unit's shared problems this member repeats, as this member words them.</param>
public sealed record GeneratedStatement(
    string FileName,
    int Unit,
    int Member,
    string? Author,
    IReadOnlyList<string> Lines,
    StatementDocxBuilder.Options Options,
    int Problems,
    int Causes,
    int Measures,
    IReadOnlyList<string> SharedTitles)
{
    public byte[] ToDocx() => StatementDocxBuilder.Build(Lines, Options);
}
