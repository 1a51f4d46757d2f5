using System.Text.RegularExpressions;
using SelfReview.Pipeline.Vocabulary.Files;

namespace SelfReview.Pipeline.Vocabulary;

/// <summary>How a line is told to be a section heading, compiled (sections.json "headings").</summary>
public sealed record HeadingRules(Regex SentenceCues, Regex ShortfallHeading, Regex AspectSuffix, Regex AspectItemSuffix, HeadingRulesEntry Limits);
