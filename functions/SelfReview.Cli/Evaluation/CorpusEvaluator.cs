using SelfReview.Contracts;

namespace SelfReview.Cli.Evaluation;

/// <summary>Runs records against their gold files and adds up the scores of shared/eval-format.md.</summary>
public sealed class CorpusEvaluator(Scorer scorer)
{
    private static readonly string[] Kinds = ["problems", "causes", "measures"];

    /// <summary>The gold file for an input: NNN.gold.json beside NNN.txt, NNN.docx, NNN.scan.png …</summary>
    public static string GoldPathFor(string input)
    {
        var name = Path.GetFileName(input);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? name : name[..dot];
        return Path.Combine(Path.GetDirectoryName(input)!, stem + ".gold.json");
    }

    public EvalResult Evaluate(IReadOnlyList<(string Name, StatementRecord Record, GoldFile Gold)> cases)
    {
        var tp = new int[3];
        var fp = new int[3];
        var fn = new int[3];
        int statements = 0, sectionsExact = 0, catMatched = 0, catCorrect = 0, dlMatched = 0, dlCorrect = 0, nonStatements = 0, rejected = 0;
        var misses = new List<string>();
        Tally acceptedStatements = Tally.None, team = Tally.None, personal = Tally.None, author = Tally.None, position = Tally.None, year = Tally.None;
        foreach (var (name, record, gold) in cases.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var accepted = record.Status == RecordStatus.Accepted;
            if (!gold.IsStatement)
            {
                nonStatements++;
                if (!accepted)
                {
                    rejected++;
                }
                else
                {
                    misses.Add($"{name}: non-statement accepted as {record.StatementKind}");
                }
            }
            else
            {
                statements++;
                acceptedStatements = acceptedStatements.Add(accepted);
                if (!accepted)
                {
                    misses.Add($"{name}: statement rejected ({record.Rejection?.Code}: {record.Rejection?.Message})");
                }

                ScoreWho(name, record, gold, misses, ref team, ref personal, ref author, ref position, ref year);
            }

            var edits = record.Source.TextOrigin is TextOrigin.OcrTesseract or TextOrigin.OcrPaddle or TextOrigin.OcrDocumentIntelligence ? 2 : 0;
            var predictedPresent = new HashSet<string>();
            for (var k = 0; k < Kinds.Length; k++)
            {
                var kind = Kinds[k];
                var predicted = accepted ? Predicted(record, kind) : [];
                if (predicted.Count > 0)
                {
                    predictedPresent.Add(kind);
                }

                var goldItems = kind switch { "problems" => gold.Problems, "causes" => gold.Causes, _ => gold.Measures };
                var pairs = scorer.Match(goldItems, predicted, edits);
                tp[k] += pairs.Count;
                fp[k] += predicted.Count - pairs.Count;
                fn[k] += goldItems.Count - pairs.Count;
                var matchedGold = pairs.Select(p => p.Gold).ToHashSet();
                var matchedPredicted = pairs.Select(p => p.Predicted).ToHashSet();
                for (var g = 0; g < goldItems.Count; g++)
                {
                    if (!matchedGold.Contains(g))
                    {
                        misses.Add($"{name}: missed {kind} «{goldItems[g].FirstChars.Replace('\n', ' ')}»");
                    }
                }

                for (var p = 0; p < predicted.Count; p++)
                {
                    if (!matchedPredicted.Contains(p))
                    {
                        misses.Add($"{name}: extra {kind} {predicted[p].Id} «{Clip(predicted[p].Label + predicted[p].Text)}»");
                    }
                }

                foreach (var (g, p) in pairs)
                {
                    if (kind == "problems" && goldItems[g].Category is { } expected)
                    {
                        catMatched++;
                        var actual = predicted[p].Category is { } c ? CategoryLabels.CodeOf(c.Code) : "none";
                        if (actual == expected)
                        {
                            catCorrect++;
                        }
                        else
                        {
                            misses.Add($"{name}: category of {predicted[p].Id} «{Clip(predicted[p].Title)}» is {actual}, gold {expected} (evidence: {string.Join(",", predicted[p].Category?.Evidence ?? [])})");
                        }
                    }

                    if (kind == "measures")
                    {
                        dlMatched++;
                        var hasPredicted = predicted[p].Deadline is not null;
                        var hasGold = goldItems[g].Deadline is not null;
                        if (hasPredicted == hasGold)
                        {
                            dlCorrect++;
                        }
                        else
                        {
                            misses.Add($"{name}: deadline of {predicted[p].Id} is «{predicted[p].Deadline?.Text}», gold «{goldItems[g].Deadline}»");
                        }
                    }
                }
            }

            if (gold.IsStatement && accepted)
            {
                var goldPresent = gold.SectionsPresent.Where(Kinds.Contains).ToHashSet();
                if (goldPresent.SetEquals(predictedPresent))
                {
                    sectionsExact++;
                }
                else
                {
                    misses.Add($"{name}: sections {string.Join("+", predictedPresent.Order())}, gold {string.Join("+", goldPresent.Order())}");
                }
            }
        }

        var scores = Kinds.Select((k, i) => new KindScore(k, tp[i], fp[i], fn[i])).ToList();
        return new EvalResult(scores, statements, sectionsExact, catMatched, catCorrect, dlMatched, dlCorrect, nonStatements, rejected, misses)
        {
            StatementsAccepted = acceptedStatements,
            TeamMarked = team,
            PersonalKept = personal,
            AuthorFound = author,
            PositionFound = position,
            MeetingYearFound = year,
        };
    }

    /// <summary>Kind, author, position and meeting year: scored only where the gold file names them.</summary>
    private static void ScoreWho(string name, StatementRecord record, GoldFile gold, List<string> misses,
        ref Tally team, ref Tally personal, ref Tally author, ref Tally position, ref Tally year)
    {
        var accepted = record.Status == RecordStatus.Accepted;
        if (gold.StatementKind == "team")
        {
            var hit = accepted && record.StatementKind == StatementKind.Team;
            team = team.Add(hit);
            if (!hit && accepted)
            {
                misses.Add($"{name}: team material marked {record.StatementKind}");
            }
        }
        else if (gold.StatementKind == "personal")
        {
            var hit = !accepted || record.StatementKind != StatementKind.Team;
            personal = personal.Add(hit);
            if (!hit)
            {
                misses.Add($"{name}: personal statement marked team");
            }
        }

        if (gold.Author is { } goldAuthor)
        {
            var found = record.Author?.Name.Trim();
            author = author.Add(found == goldAuthor);
            if (found != goldAuthor)
            {
                misses.Add($"{name}: author «{found}», gold «{goldAuthor}»");
            }
        }

        if (gold.Position is { } goldPosition)
        {
            var found = record.Author?.Position?.Trim();
            position = position.Add(found == goldPosition);
            if (found != goldPosition)
            {
                misses.Add($"{name}: position «{found}», gold «{goldPosition}»");
            }
        }

        if (gold.MeetingYear is { } goldYear)
        {
            year = year.Add(record.MeetingYear == goldYear);
            if (record.MeetingYear != goldYear)
            {
                misses.Add($"{name}: meeting year {record.MeetingYear}, gold {goldYear}");
            }
        }
    }

    private static List<StatementItem> Predicted(StatementRecord record, string kind)
    {
        var sectionKind = kind switch { "problems" => SectionKind.Problems, "causes" => SectionKind.Causes, _ => SectionKind.Measures };
        return [.. record.Sections.Where(s => s.Kind == sectionKind).SelectMany(s => s.Items)];
    }

    private static string Clip(string? text)
    {
        text = (text ?? string.Empty).Replace('\n', ' ');
        return text.Length <= 24 ? text : text[..24] + "…";
    }
}
