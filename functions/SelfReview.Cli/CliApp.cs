using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfReview.Cli.Commands;
using SelfReview.Pipeline;

namespace SelfReview.Cli;

/// <summary>The <c>selfreview</c> command line: parses the verb and hands over to its command.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Usage = 2;

    public const string UsageText = """
        selfreview — 个人检视发言材料处理工具 / self-review statement pipeline

        Usage:
          selfreview process <files or folders…> --out DIR [--unit ID] [--unit-name NAME] [--meeting-date YYYY-MM-DD]
              Reads every statement, writes DIR/statements/<file>.json, then the unit's
              DIR/unit/summary.json|md and DIR/unit/rectifications.json|csv|xlsx|docx.
          selfreview eval <folder> [--out DIR] [--ocr]
              Scores the pipeline against NNN.gold.json files beside the inputs.
          selfreview schema [--out DIR]
              Writes the contracts' JSON Schemas (default: contracts/schemas).
          selfreview ocr-bench <files…> --truth FILE [--engines tesseract,paddleocr]
              Reads scans, PDFs or images as the pipeline does and prints pages, seconds per
              page and the character error rate against the truth text.
          selfreview bench <folder of .docx> [--files N] [--iterations N] [--sizes 100,1000,10000] [--pandoc N] [--warmup MS]
              Prints a table of medians per stage, per file against the floor and pandoc,
              consolidation with memory, exports and `process` end to end (same files, one run).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(UsageText);
            return args.Length == 0 ? Usage : Ok;
        }

        CommandLine parsed;
        try
        {
            parsed = CommandLine.Parse(args[1..]);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            await stderr.WriteLineAsync(UsageText);
            return Usage;
        }

        using var services = BuildServices(parsed);
        try
        {
            return args[0] switch
            {
                "process" => await ProcessCommand.RunAsync(services, parsed, stdout, stderr, cancellationToken),
                "eval" => await EvalCommand.RunAsync(services, parsed, stdout, stderr, cancellationToken),
                "schema" => await SchemaCommand.RunAsync(parsed, stdout, cancellationToken),
                "ocr-bench" => await OcrBenchCommand.RunAsync(services, parsed, stdout, cancellationToken),
                "bench" => await BenchCommand.RunAsync(services, parsed, stdout, stderr, cancellationToken),
                _ => await UnknownAsync(args[0], stderr),
            };
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            await stderr.WriteLineAsync(UsageText);
            return Usage;
        }
    }

    private static async Task<int> UnknownAsync(string verb, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"error: unknown command '{verb}'");
        await stderr.WriteLineAsync(UsageText);
        return Usage;
    }

    private static ServiceProvider BuildServices(CommandLine parsed)
    {
        var services = new ServiceCollection();
        // No log provider: the console shows progress and the result table, never statement text.
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(ProcessCommand.ConsolidationOptionsFrom(parsed));
        // Engine settings come from the environment (Ocr__Engine, Ocr__MaxPages, DocumentIntelligence__Endpoint …).
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        services.AddSelfReviewEngine();
        return services.BuildServiceProvider();
    }
}
