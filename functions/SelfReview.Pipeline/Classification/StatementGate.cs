using System.Globalization;
using SelfReview.Contracts;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Classification;

/// <summary>
/// Decides whether a parsed document is a self-review statement, and whose: a member's (personal) or a
/// leadership team's (team). It weighs evidence for a statement (a statement title, first-person
/// self-criticism, the parts found) against evidence for each other genre (a speech to the meeting, a
/// news report, a writing guide, an essay about others, a notice, a work summary …), all from gate.json.
/// A wrongly rejected statement drops a member from the unit's list (issue 11), so a text is rejected
/// only on positive evidence of another genre; weak evidence is accepted with a confidence and a review flag.
/// </summary>
public sealed class StatementGate(DomainVocabulary vocabulary)
{
    private GateRules Rules => vocabulary.Gate;

    /// <summary>The verdict: accepted with a kind and a confidence, or rejected with a code and a reason.</summary>
    public abstract record Verdict
    {
        private Verdict()
        {
        }

        /// <summary>A statement: its kind, how sure the gate is (0–1), and a review flag when it is not sure.</summary>
        public sealed record Accepted(StatementKind Kind, double Confidence, QualityFlag? Review) : Verdict;

        /// <summary>Not a statement.</summary>
        public sealed record Rejected(string Code, string Reason) : Verdict;
    }

    public Verdict Judge(ParsedStatement parsed)
    {
        var evidence = Weigh(parsed);
        var messages = Rules.Messages;
        if (evidence.Items == 0)
        {
            return new Verdict.Rejected("not_a_statement", messages.NoContent);
        }

        if (evidence.Genre is { } genre && evidence.GenreScore >= genre.Threshold
            && evidence.GenreScore >= evidence.StatementScore * Rules.Thresholds.RejectMargin)
        {
            return new Verdict.Rejected("not_a_statement", string.Format(CultureInfo.InvariantCulture, messages.OtherGenre, genre.Label));
        }

        var confidence = Math.Round(evidence.Confidence, 2);
        QualityFlag? review = null;
        if (confidence < Rules.Thresholds.ReviewBelow)
        {
            review = new QualityFlag
            {
                Code = "uncertain_statement",
                Severity = FlagSeverity.Info,
                Message = string.Format(CultureInfo.InvariantCulture, messages.Uncertain, evidence.Genre?.Label ?? "—", confidence.ToString("0.00", CultureInfo.InvariantCulture)),
                Evidence = evidence.Genre is { } g ? [g.Label] : [],
            };
        }

        return new Verdict.Accepted(IsTeam(parsed) ? StatementKind.Team : StatementKind.Personal, confidence, review);
    }

    /// <summary>The scores behind a verdict (public for diagnostics and tests).</summary>
    public GateEvidence Weigh(ParsedStatement parsed)
    {
        var text = new ScoredText(vocabulary.ToSimplified(parsed.Title ?? string.Empty), parsed.MatchText);
        var found = new List<string>();
        var statement = text.Score(Rules.Statement, found);
        var items = 0;
        foreach (var kind in (ReadOnlySpan<SectionKind>)[SectionKind.Problems, SectionKind.Causes, SectionKind.Measures])
        {
            var count = parsed.ItemsOf(kind).Count();
            items += count;
            statement += count > 0 ? Rules.Thresholds.PartWeight : 0;
        }

        statement += Rules.Thresholds.ItemWeight * Math.Min(items, Rules.Thresholds.ItemCap);

        Genre? best = null;
        var bestScore = 0.0;
        var bestFound = new List<string>();
        foreach (var genre in Rules.Genres)
        {
            var genreFound = new List<string>();
            var score = text.Score(genre.Cues, genreFound);
            if (score > bestScore)
            {
                (best, bestScore, bestFound) = (genre, score, genreFound);
            }
        }

        var confidence = statement / (statement + bestScore + Rules.Thresholds.ConfidencePrior);
        return new GateEvidence(statement, best, bestScore, items, confidence, [.. bestFound, .. found]);
    }

    private bool IsTeam(ParsedStatement parsed)
    {
        var text = new ScoredText(vocabulary.ToSimplified(parsed.Title ?? string.Empty), parsed.MatchText);
        var balance = text.Score(Rules.TeamFor, null) - text.Score(Rules.TeamAgainst, null);
        return balance >= Rules.TeamThreshold;
    }

    /// <summary>A title and a text, scored against cues by scope.</summary>
    private sealed class ScoredText(string title, string text)
    {
        private const int OpeningLines = 6;
        private string[]? _lines;

        private string[] Lines => _lines ??= text.Split('\n');

        public double Score(IReadOnlyList<Cue> cues, List<string>? found)
        {
            var total = 0.0;
            foreach (var cue in cues)
            {
                var n = Count(cue);
                if (n > 0)
                {
                    total += cue.Score(n);
                    found?.Add(cue.Pattern.ToString());
                }
            }

            return total;
        }

        private int Count(Cue cue) => cue.Scope switch
        {
            CueScope.Title => cue.Pattern.Count(title),
            CueScope.Line => Lines.Count(l => cue.Pattern.IsMatch(l.Trim())),
            CueScope.Opening => Lines.Take(OpeningLines).Count(l => cue.Pattern.IsMatch(l.Trim())),
            _ => cue.Pattern.Count(text),
        };
    }
}
