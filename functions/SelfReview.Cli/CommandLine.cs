namespace SelfReview.Cli;

/// <summary>Positional arguments and <c>--name value</c> / <c>--flag</c> options.</summary>
public sealed class CommandLine
{
    private static readonly HashSet<string> Flags = ["--ocr", "--quiet"];
    private static readonly HashSet<string> Valued = ["--out", "--unit", "--unit-name", "--meeting-date", "--parallel", "--truth", "--engines"];
    private static readonly HashSet<string> BenchValued = ["--files", "--iterations", "--sizes", "--pandoc", "--warmup"];

    public List<string> Positional { get; } = [];
    public Dictionary<string, string> Options { get; } = [];

    public string? this[string option] => Options.GetValueOrDefault(option);

    public bool Has(string flag) => Options.ContainsKey(flag);

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Flags.Contains(arg))
            {
                result.Options[arg] = "true";
            }
            else if (Valued.Contains(arg) || BenchValued.Contains(arg))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"option {arg} needs a value");
                }

                result.Options[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unknown option {arg}");
            }
            else
            {
                result.Positional.Add(arg);
            }
        }

        return result;
    }
}
