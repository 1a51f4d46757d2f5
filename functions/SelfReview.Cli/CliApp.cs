using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfReview.Cli.Commands;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Diagnostics;

namespace SelfReview.Cli;

/// <summary>
/// The <c>selfreview</c> command line on System.CommandLine: every command has <c>--help</c>; bad
/// arguments exit 2 with the error and the usage; each command's action runs its Commands/ class.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Usage = 2;

    public const string UsageText = """
        selfreview — 个人检视发言材料处理工具 / self-review statement pipeline

        Usage (selfreview COMMAND --help for each command's options):
          selfreview serve --data DIR [--urls URL] [--no-browser]
              The office's workspace: the web page and the HTTP API on this computer (default
              http://127.0.0.1:5080), uploads processed in the background into DIR.
          selfreview keys add NAME --data DIR --units A[,B] [--read-only] | keys list --data DIR | keys revoke NAME --data DIR
              API keys for serve (Authorization: Bearer KEY); the new key is printed once, on the last line.
          selfreview users add NAME --data DIR (--units A[,B] [--read-only] | --admin) | users list | users remove NAME
              People who sign in on serve's page with a name and a password (read from standard input).
          selfreview process <files or folders…> --out DIR [--unit ID] [--parent ID] [--unit-name NAME] [--meeting-date YYYY-MM-DD]
                  [--roster FILE] [--last-year FILE]
              Reads every statement into DIR with the layout of the Blob containers:
              DIR/statements/ID/<file>, DIR/records/ID/<sha256>.json, DIR/reports/ID/summary.json|md
              and DIR/reports/ID/rectifications.json|csv|xlsx|docx.
          selfreview rollup PARENT --data DIR [--out FILE.xlsx] [--json FILE]
              The rollup of every unit below PARENT (placed with process --parent): statements, problems by
              category, problems shared across units, overdue rows and completion rates, from the unit summaries.
          selfreview eval <folder> [--out DIR] [--range 201-299] [--ocr]
              Scores the pipeline against NNN.gold.json files beside the inputs (DIR/statements/<file>.json).
          selfreview schema [--out DIR]
              Writes the contracts' JSON Schemas (default: contracts/schemas).
          selfreview ocr-bench <files…> --truth FILE [--engines tesseract,paddleocr] [--stages]
              Reads scans, PDFs or images as the pipeline does and prints pages, seconds per
              page and the character error rate against the truth text.
          selfreview bench <folder of .docx> [--files N] [--iterations N] [--sizes 100,1000,10000] [--pandoc N] [--warmup MS]
              Medians per stage against the floor and pandoc, consolidation with memory, exports, process end to end.
          selfreview bench FILE --startup [--runs N] | bench DIR --batch | bench FILE --listing N [--blob CONNECTION]
          selfreview bench DIR --rollup [--units 300] [--members 40]
              Fresh processes: the phases of one file against --help; a folder as one process against pandoc
              per file; the status listing of an N-statement unit on Blob Storage (Azurite).
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, Console.In, stdout, stderr, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 && OperatingSystem.IsWindows())
        {
            // Double-clicked selfreview.exe: the workspace over Documents\SelfReview, in the browser.
            args = ["serve", "--data", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.MyDocuments), "SelfReview")];
        }

        if (args.Length == 0)
        {
            await stderr.WriteLineAsync(UsageText);
            return Usage;
        }

        var root = Build(stdin, stdout, stderr);
        var parsed = root.Parse(args);
        StartupPhases.Mark("command line parsed");
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync("error: " + error.Message);
            }

            await stderr.WriteLineAsync(UsageText);
            return Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            await stderr.WriteLineAsync(UsageText);
            return Usage;
        }
    }

    private static RootCommand Build(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("selfreview — 个人检视发言材料处理工具 / self-review statement pipeline");
        root.Add(Command("serve", "The web page and the HTTP API on this computer, over a data folder", [], [
            Valued("--data", "The data folder (statements/, records/, reports/ as in Blob Storage)", required: true),
            Valued("--urls", "Where to listen (default " + ServeCommand.DefaultUrl + ")"),
            Flag("--no-browser", "Do not open the browser"),
        ], (line, ct) => ServeCommand.RunAsync(line, stdout, stderr, ct)));
        root.Add(Group("keys", "API keys for serve (stored only as salted hashes)", [
            Command("add", "Creates a key for units and prints it once, on the last line", [Inputs("name", "The key's name (who or what uses it)", single: true)], [
                Valued("--data", "The data folder serve runs on", required: true),
                Valued("--units", "The units, comma-separated (* for every unit)", required: true),
                Flag("--read-only", "The key may only read"),
            ], (line, ct) => AccessCommands.AddKeyAsync(line, stdout, ct)),
            Command("list", "Lists the keys (names, dates, units; never the keys)", [], [Valued("--data", "The data folder", required: true)],
                (line, ct) => AccessCommands.ListKeysAsync(line, stdout, ct)),
            Command("revoke", "Revokes a key at once", [Inputs("name", "The key's name", single: true)], [Valued("--data", "The data folder", required: true)],
                (line, ct) => AccessCommands.RevokeKeyAsync(line, stdout, ct)),
        ]));
        root.Add(Group("users", "People who sign in on serve's page (passwords stored only as hashes)", [
            Command("add", "Adds or resets a user; the password is read from standard input", [Inputs("name", "The sign-in name", single: true)], [
                Valued("--data", "The data folder serve runs on", required: true),
                Valued("--units", "The units, comma-separated (* for every unit)"),
                Flag("--read-only", "The user may only read"),
                Flag("--admin", "Administrator: every unit and the access map"),
            ], (line, ct) => AccessCommands.AddUserAsync(line, stdin, stdout, ct)),
            Command("list", "Lists the users and their units", [], [Valued("--data", "The data folder", required: true)],
                (line, ct) => AccessCommands.ListUsersAsync(line, stdout, ct)),
            Command("remove", "Removes a user (their session ends at once)", [Inputs("name", "The sign-in name", single: true)], [Valued("--data", "The data folder", required: true)],
                (line, ct) => AccessCommands.RemoveUserAsync(line, stdout, ct)),
        ]));
        root.Add(Command("process", "Reads statements into a folder with the layout of the Blob containers", [Inputs("inputs", "Files or folders to read")], [
            Valued("--out", "The output folder", required: true),
            Valued("--unit", "The unit id (default: default)"),
            Valued("--parent", "The unit's parent unit (上级单位), whose rollup then includes it"),
            Valued("--unit-name", "The unit's name for the list titles"),
            Valued("--meeting-date", "The meeting date, YYYY-MM-DD (rows without a deadline get it plus three months)"),
            Valued("--roster", "The unit's roster (名册), XLSX or CSV: 姓名, 职务, 分管领域, optional 文件名"),
            Valued("--last-year", "Last year's list of the unit for 回头看 (this system's rectifications.xlsx or .json)"),
            Valued("--parallel", "Files read at once (default: the processor count)"),
            Flag("--quiet", "No progress lines"),
        ], (line, ct) => ProcessAsync(line, stdout, stderr, ct)));
        root.Add(Command("rollup", "The rollup of every unit below a parent unit, from their summaries", [Inputs("parent", "The parent unit id", single: true)], [
            Valued("--data", "The data folder (as written by process or serve)", required: true),
            Valued("--out", "Also write the rollup as an XLSX workbook"),
            Valued("--json", "Also write the rollup as JSON"),
        ], (line, ct) => WithEngineAsync(line, sp => RollupCommand.RunAsync(sp, line, stdout, ct))));
        root.Add(Command("eval", "Scores the pipeline against gold files", [Inputs("folder", "The corpus folder (inputs beside NNN.gold.json)", single: true)], [
            Valued("--out", "Also write each record to DIR/statements/<file>.json"),
            Valued("--range", "Only the gold files numbered in this range, e.g. 201-299"),
            Flag("--ocr", "Corpus of scans: allow OCR edits in the keys"),
        ], (line, ct) => WithEngineAsync(line, sp => EvalCommand.RunAsync(sp, line, stdout, stderr, ct))));
        root.Add(Command("schema", "Writes the contracts' JSON Schemas", [], [Valued("--out", "The folder (default: contracts/schemas)")],
            (line, ct) => SchemaCommand.RunAsync(line, stdout, ct)));
        root.Add(Command("ocr-bench", "Reads scans as the pipeline does and scores them against a truth text", [Inputs("files", "Scans, PDFs or images")], [
            Valued("--truth", "The text they should read as"),
            Valued("--engines", "Engines to compare, e.g. tesseract,paddleocr (default tesseract,paddleocr)"),
            Flag("--stages", "Also print PP-OCR's seconds per page in each stage"),
        ], (line, ct) => WithEngineAsync(line, sp => OcrBenchCommand.RunAsync(sp, line, stdout, ct))));
        root.Add(Command("bench", "Medians of every stage over a folder of .docx statements", [Inputs("folder", "A folder of .docx statements (a .docx for --startup and --listing)", single: true)], [
            Flag("--startup", "Only the fresh-process phases: FILE processed by new processes against --help"),
            Valued("--runs", "Fresh processes of each kind for --startup (default 5)"),
            Flag("--batch", "Only the batch: every .docx of the folder as one new process against pandoc per file"),
            Valued("--listing", "Only the status listing of a unit of N statements made from FILE, on Blob Storage"),
            Valued("--blob", "The Blob Storage connection string for --listing (default: Azurite's development storage)"),
            Flag("--rollup", "Only the rollup: --units units of --members statements made from the folder's .docx, rolled up against reading their summaries"),
            Valued("--units", "Units for --rollup (default 300)"),
            Valued("--members", "Statements per unit for --rollup (default 40)"),
            Valued("--files", "Files to use (default 1000)"),
            Valued("--iterations", "Iterations per stage (default 200)"),
            Valued("--sizes", "Consolidation sizes (default 100,1000,10000)"),
            Valued("--pandoc", "Files for the pandoc comparison (0: none)"),
            Valued("--warmup", "Warm-up milliseconds"),
        ], (line, ct) => WithEngineAsync(line, sp => BenchCommand.RunAsync(sp, line, stdout, stderr, ct))));
        return root;
    }

    private static Command Command(string name, string description, Argument[] arguments, Option[] options, Func<CommandLine, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments)
        {
            command.Add(argument);
        }

        foreach (var option in options)
        {
            command.Add(option);
        }

        command.SetAction((result, ct) => run(CommandLine.From(result), ct));
        return command;
    }

    private static Command Group(string name, string description, Command[] subcommands)
    {
        var command = new Command(name, description);
        foreach (var subcommand in subcommands)
        {
            command.Add(subcommand);
        }

        return command;
    }

    private static Argument Inputs(string name, string description, bool single = false) => single
        ? new Argument<string>(name) { Description = description }
        : new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.OneOrMore };

    private static Option<string> Valued(string name, string description, bool required = false) => new(name) { Description = description, Required = required };

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    private static async Task<int> ProcessAsync(CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // The export libraries warm up on another core while the engine is built and the inputs are read.
        var warmup = ExportWarmup.StartAsync();
        return await WithEngineAsync(line, sp => ProcessCommand.RunAsync(sp, line, stdout, stderr, warmup, cancellationToken));
    }

    private static async Task<int> WithEngineAsync(CommandLine line, Func<IServiceProvider, Task<int>> run)
    {
        await using var services = BuildServices(line);
        StartupPhases.Mark("engine services built (vocabulary loaded)");
        return await run(services);
    }

    private static ServiceProvider BuildServices(CommandLine line)
    {
        var services = new ServiceCollection();
        // No log provider: the console shows progress and the result table, never statement text.
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        // Engine settings come from the environment (Ocr__Engine, Ocr__MaxPages, DocumentIntelligence__Endpoint …).
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        services.AddSelfReviewOptions();
        services.PostConfigure<ConsolidationOptions>(o => ProcessCommand.ApplyConsolidationOptions(line, o));
        services.AddSelfReviewEngine();
        return services.BuildServiceProvider();
    }
}
