using System.Text.RegularExpressions;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Vocabulary;

public sealed record DeadlineRule(DeadlineKind Kind, string Rule, Regex Pattern);
