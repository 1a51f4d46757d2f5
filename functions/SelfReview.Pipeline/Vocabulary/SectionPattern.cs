using System.Text.RegularExpressions;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Vocabulary;

public sealed record SectionPattern(SectionKind Kind, IReadOnlyList<Regex> Patterns);
