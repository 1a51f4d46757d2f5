namespace SelfReview.Pipeline.Reading.Text;

/// <summary>Text decoded line by line, and what had to be repaired to read it.</summary>
/// <param name="Text">The text.</param>
/// <param name="MinorityEncodingLines">Lines in the less used of UTF-8 and GB18030, when both occur (0 when one encoding served).</param>
/// <param name="NulBytes">Zero bytes dropped.</param>
/// <param name="UndecodableLines">Lines valid in neither encoding, read with replacement characters.</param>
public sealed record LineDecodedText(string Text, int MinorityEncodingLines, int NulBytes, int UndecodableLines);
