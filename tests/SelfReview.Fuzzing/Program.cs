using System.Globalization;
using SelfReview.Fuzzing;
using SharpFuzz;

// selfreview-fuzz: fuzz the readers of uploads and the whole StatementProcessor path.
//   run [target|all] [--seconds N] [--findings DIR] [--seed N]   the in-process mutation loop, supervised (CI, scripts/fuzz.sh)
//   replay [target|all] [FILE…]                                 runs the committed seeds and findings (or FILEs) once
//   afl TARGET                                                  under afl-fuzz, with SharpFuzz-instrumented assemblies
//   libfuzzer TARGET                                            under libfuzzer-dotnet
//   worker TARGET SECONDS FINDINGS CURRENT SEED                 (internal: the supervised child)
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: selfreview-fuzz run|replay|afl|libfuzzer [target|all] …; targets: docx, pdf, image, text, processor");
    return 2;
}

using var targets = new FuzzTargets();
var command = args[0];
var rest = args.Skip(1).ToList();
switch (command)
{
    case "worker":
        return new FuzzWorker(targets[rest[0]], rest[2], rest[3], int.Parse(rest[4], CultureInfo.InvariantCulture))
            .Run(TimeSpan.FromSeconds(int.Parse(rest[1], CultureInfo.InvariantCulture)), Console.Out);

    case "run":
        {
            var seconds = Option(rest, "--seconds") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 60;
            var findings = Option(rest, "--findings") ?? Path.Combine("artifacts", "fuzz", "findings");
            var seed = Option(rest, "--seed") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : Environment.TickCount;
            var chosen = Chosen(targets, rest);
            var supervisor = new FuzzSupervisor(findings, Console.Out);
            var totals = chosen.Select(t => supervisor.Run(t.Name, TimeSpan.FromSeconds((double)seconds / chosen.Count), seed + t.Name.Length)).ToList();
            foreach (var t in totals)
            {
                Console.WriteLine($"fuzz {t.Target,-10} {t.Executions,10:N0} execs in {t.Seconds,6:0} s ({t.Executions / Math.Max(t.Seconds, 1):0} /s), {t.Findings} findings");
            }

            var total = totals.Sum(t => t.Findings);
            Console.WriteLine(total == 0 ? "fuzz: no findings" : $"fuzz: {total} findings saved under {findings}");
            return total == 0 ? 0 : 1;
        }

    case "replay":
        {
            var files = rest.Where(File.Exists).ToList();
            var failures = 0;
            foreach (var target in Chosen(targets, rest))
            {
                foreach (var file in files.Count > 0 ? files : FuzzCorpus.Files(target.Name))
                {
                    var result = FuzzHarness.Execute(target, File.ReadAllBytes(file), out var signature);
                    Console.WriteLine($"{target.Name} {Path.GetFileName(file)}: {result} [{signature}]");
                    failures += result.IsFinding ? 1 : 0;
                }
            }

            return failures == 0 ? 0 : 1;
        }

    case "afl":
        {
            var target = targets[rest[0]];
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                ThrowOnFinding(FuzzHarness.Execute(target, copy.ToArray(), out _));
            });
            return 0;
        }

    case "libfuzzer":
        {
            var target = targets[rest[0]];
            Fuzzer.LibFuzzer.Run(span => ThrowOnFinding(FuzzHarness.Execute(target, span.ToArray(), out _)));
            return 0;
        }

    default:
        Console.Error.WriteLine($"unknown command '{command}'");
        return 2;
}

static string? Option(List<string> args, string name) => args.IndexOf(name) is >= 0 and var i && i + 1 < args.Count ? args[i + 1] : null;

static List<FuzzTarget> Chosen(FuzzTargets targets, List<string> args) =>
    args.Count == 0 || args[0] is "all" || args[0].StartsWith("--", StringComparison.Ordinal) || File.Exists(args[0]) ? [.. targets.All] : [targets[args[0]]];

// The native drivers see a finding as a crash: an exception escaping the action.
static void ThrowOnFinding(FuzzResult result)
{
    if (result.IsFinding)
    {
        throw new InvalidOperationException("fuzz finding: " + result);
    }
}
