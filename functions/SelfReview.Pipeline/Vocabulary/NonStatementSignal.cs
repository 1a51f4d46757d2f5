using System.Text.RegularExpressions;

namespace SelfReview.Pipeline.Vocabulary;

public sealed record NonStatementSignal(string Kind, string Label, Regex Pattern);
