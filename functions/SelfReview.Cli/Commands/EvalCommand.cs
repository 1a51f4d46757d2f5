using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Cli.Evaluation;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Parsing;

namespace SelfReview.Cli.Commands;

/// <summary><c>selfreview eval</c>: the pipeline over a corpus with gold files, scored as shared/eval-format.md says.</summary>
public static class EvalCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (line.Positional.Count != 1 || !Directory.Exists(line.Positional[0]))
        {
            throw new ArgumentException("eval needs one folder that holds inputs and NNN.gold.json files");
        }

        var range = CorpusRange.Parse(line["--range"]);
        var result = await EvaluateFolderAsync(services, line.Positional[0], line["--out"], range, cancellationToken);
        await stdout.WriteAsync(Report(result));
        return CliApp.Ok;
    }

    /// <summary>Processes every input that has a gold file and scores the records.</summary>
    public static Task<EvalResult> EvaluateFolderAsync(IServiceProvider services, string folder, string? outDir, CancellationToken cancellationToken = default) =>
        EvaluateFolderAsync(services, folder, outDir, CorpusRange.All, cancellationToken);

    /// <summary>Processes every input in <paramref name="range"/> (by the number its name starts with) that has a gold file, and scores the records.</summary>
    public static async Task<EvalResult> EvaluateFolderAsync(IServiceProvider services, string folder, string? outDir, CorpusRange range, CancellationToken cancellationToken = default)
    {
        var processor = services.GetRequiredService<StatementProcessor>();
        var inputs = InputFiles.Expand([folder], recursive: false).Where(f => range.Contains(Path.GetFileName(f)) && File.Exists(CorpusEvaluator.GoldPathFor(f))).ToList();
        var cases = new (string, StatementRecord, GoldFile)[inputs.Count];
        await Parallel.ForAsync(0, inputs.Count, cancellationToken, async (i, ct) =>
        {
            var file = inputs[i];
            var record = await processor.ProcessAsync(await File.ReadAllBytesAsync(file, ct), Path.GetFileName(file), "eval", ct);
            cases[i] = (Path.GetFileName(file), record, GoldFile.Load(CorpusEvaluator.GoldPathFor(file)));
            if (outDir is not null)
            {
                Directory.CreateDirectory(Path.Combine(outDir, "statements"));
                await File.WriteAllBytesAsync(Path.Combine(outDir, "statements", Path.GetFileName(file) + ".json"), SelfReviewJson.Serialize(record, SelfReviewJson.Record), ct);
            }
        });

        var evaluator = new CorpusEvaluator(new Scorer(services.GetRequiredService<EnumeratorRecognizer>()));
        return evaluator.Evaluate(cases);
    }

    public static string Report(EvalResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{"kind",-10} {"P",7} {"R",7} {"F1",7} {"tp",5} {"fp",5} {"fn",5}\n");
        foreach (var k in result.Kinds)
        {
            sb.Append(c, $"{k.Kind,-10} {k.Precision,7:0.000} {k.Recall,7:0.000} {k.F1,7:0.000} {k.TruePositives,5} {k.FalsePositives,5} {k.FalseNegatives,5}\n");
        }

        sb.Append(c, $"sections exactly right:   {result.SectionsExact}/{result.Statements} ({result.SectionsExactRate:0.000})\n");
        sb.Append(c, $"category accuracy:        {result.CategoryCorrect}/{result.CategoryMatched} ({result.CategoryAccuracy:0.000})\n");
        sb.Append(c, $"deadline accuracy:        {result.DeadlineCorrect}/{result.DeadlineMatched} ({result.DeadlineAccuracy:0.000})\n");
        sb.Append(c, $"non-statements rejected:  {result.NonStatementsRejected}/{result.NonStatements}\n");
        sb.Append(c, $"statements accepted:      {result.StatementsAccepted}\n");
        sb.Append(c, $"team marked team:         {result.TeamMarked}\n");
        sb.Append(c, $"personal kept personal:   {result.PersonalKept}\n");
        sb.Append(c, $"author found:             {result.AuthorFound}\n");
        sb.Append(c, $"position found:           {result.PositionFound}\n");
        sb.Append(c, $"meeting year found:       {result.MeetingYearFound}\n");
        if (result.Misses.Count > 0)
        {
            sb.Append(c, $"\nmisses ({result.Misses.Count}):\n");
            foreach (var miss in result.Misses)
            {
                sb.Append("  ").Append(miss).Append('\n');
            }
        }

        return sb.ToString();
    }
}
