using System.Diagnostics;

namespace SelfReview.Fuzzing;

/// <summary>
/// The mutation loop for one target in one process: takes a corpus entry, mutates it, saves it as the
/// current input (so that the supervisor can keep it if the process dies on it), runs it, and keeps it
/// in the corpus when its outcome signature is new — a coarse behavioural feedback in place of coverage.
/// Every finding is saved; a hang ends the process (the stuck thread cannot be reclaimed).
/// </summary>
public sealed class FuzzWorker(FuzzTarget target, string findings, string currentInput, int seed)
{
    /// <summary>Exit code of a worker that stopped on a hang it saved itself.</summary>
    public const int HangExitCode = 3;

    private const int MaxCorpus = 2_000;

    public int Run(TimeSpan duration, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var corpus = FuzzCorpus.Files(target.Name).Select(File.ReadAllBytes).ToList();
        if (corpus.Count == 0)
        {
            throw new InvalidOperationException($"No seeds for {target.Name} in {FuzzCorpus.SeedFolder(target.Name)}.");
        }

        var signatures = new HashSet<string>(StringComparer.Ordinal);
        var buckets = new HashSet<string>(StringComparer.Ordinal);
        long duplicates = 0;
        var mutator = new Mutator(new Random(seed));
        var random = new Random(seed ^ 0x5eed);
        var clock = Stopwatch.StartNew();
        long executions = 0, findingsFound = 0;
        var lastReport = TimeSpan.Zero;

        // The seeds first, unmutated: they must all pass, and they fill the signature set.
        var queue = new Queue<byte[]>(corpus);
        while (clock.Elapsed < duration)
        {
            var input = queue.Count > 0 ? queue.Dequeue() : mutator.Mutate(corpus[random.Next(corpus.Count)], corpus);
            File.WriteAllBytes(currentInput, input);
            var result = FuzzHarness.Execute(target, input, out var signature);
            executions++;
            if (result.IsFinding && !buckets.Add(Bucket(result)))
            {
                // The same failure at the same place as a finding already saved in this run.
                duplicates++;
            }
            else if (result.IsFinding)
            {
                findingsFound++;
                var path = FuzzCorpus.Save(findings, result.Verdict.ToString(), input, result.ToString());
                log.WriteLine($"FINDING {target.Name} {result.Verdict} {path}: {FirstLine(result.Detail)}");
                if (result.Verdict == FuzzVerdict.Hang)
                {
                    File.Delete(currentInput);
                    Report(log, executions, corpus.Count, findingsFound, duplicates, clock.Elapsed);
                    return HangExitCode;
                }
            }
            else if (signatures.Add(signature) && corpus.Count < MaxCorpus)
            {
                corpus.Add(input);
            }

            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                Report(log, executions, corpus.Count, findingsFound, duplicates, clock.Elapsed);
            }
        }

        File.Delete(currentInput);
        Report(log, executions, corpus.Count, findingsFound, duplicates, clock.Elapsed);
        return findingsFound > 0 ? 1 : 0;
    }

    private void Report(TextWriter log, long executions, int corpus, long findingsFound, long duplicates, TimeSpan elapsed) =>
        log.WriteLine($"STATS {target.Name} execs={executions} seconds={elapsed.TotalSeconds:0} corpus={corpus} findings={findingsFound} duplicates={duplicates}");

    /// <summary>A finding's kind and place: the verdict, the exception type and the innermost frame.</summary>
    private static string Bucket(FuzzResult result)
    {
        var lines = (result.Detail ?? "").Split('\n', StringSplitOptions.TrimEntries);
        var type = lines[0].Split(':')[0];
        var frame = lines.Length > 1 ? lines[1].Split(" in ")[0] : "";
        return $"{result.Verdict}|{type}|{frame}";
    }

    private static string FirstLine(string? detail) => detail?.Split('\n')[0] ?? "";
}
