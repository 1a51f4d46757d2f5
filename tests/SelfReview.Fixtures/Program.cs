using System.Globalization;
using System.Text;
using SelfReview.Fixtures;

// Makes the committed .docx fixtures from the text statements:
//   dotnet run --project tests/SelfReview.Fixtures -- seeds tests/corpus
// The seed becomes a .docx whose 一、/（一） headings come from Word automatic numbering. Corpus
// statements become .docx too, with tracked changes in every fifth and a table layout in every
// seventh; statements written as PDF-style wrapped lines stay text only (Word paragraphs are not wrapped lines).
//   dotnet run --project tests/SelfReview.Fixtures -- print <statement.txt> <out.docx>
// writes the statement laid out for printing (no tracked changes), which make-scans.sh (beside this file) turns into
// the text PDF and the scans.
//
// Makes a generated corpus of any size for benchmarks (recombined from tests/corpus, see CorpusGenerator):
//   dotnet run --project tests/SelfReview.Fixtures -- generate --count 1000 --out DIR [--seed 1]
const int AllLevelsFrom = 201;
const string usage = "usage: SelfReview.Fixtures <folder with .txt statements>…\n       SelfReview.Fixtures print <statement.txt> <out.docx>\n       SelfReview.Fixtures generate --count N --out DIR [--seed S]";
if (args.Length == 0)
{
    Console.Error.WriteLine(usage);
    return 2;
}

if (args[0] == "generate")
{
    return Generate(args[1..]);
}

if (args[0] == "print")
{
    if (args.Length != 3)
    {
        Console.Error.WriteLine(usage);
        return 2;
    }

    var statement = File.ReadAllLines(args[1], Encoding.UTF8);
    File.WriteAllBytes(args[2], StatementDocxBuilder.Build(statement, new StatementDocxBuilder.Options(AutoNumbering: true, PrintLayout: true)));
    Console.WriteLine(args[2]);
    return 0;
}

foreach (var folder in args)
{
    foreach (var txt in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
    {
        var lines = File.ReadAllLines(txt, Encoding.UTF8);
        if (lines.Count(l => l.Trim().Length > 0) < 3 || LooksWrapped(lines))
        {
            continue;
        }

        var number = int.TryParse(Path.GetFileNameWithoutExtension(txt).Split('_')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        // From 201 on (the issue-11 corpus) every level's labels become Word numbering, as real files have them.
        var options = new StatementDocxBuilder.Options(
            AutoNumbering: true,
            TrackedChanges: number % 5 == 0,
            InTable: number % 7 == 0 && number > 0,
            AllLevels: number >= AllLevelsFrom);
        var docx = Path.ChangeExtension(txt, ".docx");
        File.WriteAllBytes(docx, StatementDocxBuilder.Build(lines, options));
        Console.WriteLine(docx);
    }
}

return 0;

// PDF-style text: most lines are about the same (short) width and end mid-sentence.
static bool LooksWrapped(string[] lines)
{
    var lengths = lines.Select(l => l.Trim().Length).Where(l => l > 0).Order().ToArray();
    var width = lengths[(int)(lengths.Length * 0.9)];
    return width <= 40 && lengths.Count(l => l >= width * 0.85) > lengths.Length / 3;
}

static int Generate(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i]] = args[i + 1];
    }

    if (args.Length % 2 != 0 || options.Keys.Any(k => k is not "--count" and not "--out" and not "--seed")
        || !int.TryParse(options.GetValueOrDefault("--count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1
        || options.GetValueOrDefault("--out") is not { } folder
        || !int.TryParse(options.GetValueOrDefault("--seed", "1"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
    {
        Console.Error.WriteLine("usage: SelfReview.Fixtures generate --count N --out DIR [--seed S]");
        return 2;
    }

    var paths = new CorpusGenerator(seed).WriteDocx(count, folder);
    Console.WriteLine($"{paths.Count} statements written to {Path.GetFullPath(folder)} (seed {seed})");
    return 0;
}
