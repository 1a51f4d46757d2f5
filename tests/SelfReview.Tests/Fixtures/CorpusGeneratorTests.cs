using DocumentFormat.OpenXml.Packaging;
using SelfReview.Contracts;
using SelfReview.Fixtures;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Tests.Fixtures;

public sealed class CorpusGeneratorTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("selfreview-gen-").FullName;

    [Fact]
    public async Task WriteDocx_WritesNValidStatements_ThatTheEngineAcceptsWithTheItemsWritten()
    {
        const int count = 40;
        var generated = new CorpusGenerator(seed: 3).Generate(count).ToList();

        var paths = new CorpusGenerator(seed: 3).WriteDocx(count, _work);

        Assert.Equal(count, paths.Count);
        Assert.Equal(count, Directory.GetFiles(_work, "*.docx").Length);
        var exact = 0;
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(generated[i].FileName, Path.GetFileName(paths[i]));
            using (var document = WordprocessingDocument.Open(paths[i], false))
            {
                Assert.NotNull(document.MainDocumentPart?.Document?.Body);
            }

            var record = await Engine.ProcessFileAsync(paths[i]);
            Assert.True(record.Status == RecordStatus.Accepted, $"{paths[i]}: {record.Rejection?.Message}");
            Assert.Equal(TextOrigin.Docx, record.Source.TextOrigin);
            var found = (record.Items(SectionKind.Problems).Count, record.Items(SectionKind.Causes).Count, record.Items(SectionKind.Measures).Count);
            exact += found == (generated[i].Problems, generated[i].Causes, generated[i].Measures) ? 1 : 0;
        }

        Console.WriteLine($"generator: {exact}/{count} statements parsed to exactly the items written");

        // Recombined sentences can read as run-on items now and then; nearly every statement parses to what was written.
        Assert.True(exact >= count * 9 / 10, $"{exact}/{count} statements parsed to the items written");
    }

    [Fact]
    public void Generate_IsDeterministic_AndAStatementDoesNotDependOnTheCount()
    {
        var few = new CorpusGenerator(seed: 11).Generate(5).ToList();
        var many = new CorpusGenerator(seed: 11).Generate(60).ToList();
        var otherSeed = new CorpusGenerator(seed: 12).Generate(5).ToList();

        Assert.Equal(60, many.Count);
        for (var i = 0; i < few.Count; i++)
        {
            Assert.Equal(few[i].Lines, many[i].Lines);
            Assert.Equal(few[i].Options, many[i].Options);
        }

        Assert.NotEqual(few[0].Lines, otherSeed[0].Lines);
        Assert.Equal(many.Count, many.Select(s => s.FileName).Distinct().Count());
        Assert.True(many.Select(s => s.Unit).Distinct().Count() >= 2, "60 statements span more than one unit");
    }

    [Fact]
    public void Generate_VariesLengthsLayoutsAndStyles()
    {
        var statements = new CorpusGenerator(seed: 5).Generate(80).ToList();
        var lengths = statements.Select(s => s.Lines.Sum(l => l.Length)).ToList();

        Assert.True(lengths.Min() < 2500 && lengths.Max() > 4500, $"lengths {lengths.Min()}–{lengths.Max()}");
        Assert.Contains(statements, s => s.Options.AutoNumbering);
        Assert.Contains(statements, s => !s.Options.AutoNumbering);
        Assert.Contains(statements, s => s.Options.TrackedChanges);
        Assert.Contains(statements, s => s.Options.InTable);
        Assert.Contains(statements, s => s.Author is null);
        Assert.Contains(statements, s => s.Author is not null);
        // Run-on items (一是…。二是…), numbered items and （一） items all occur.
        Assert.Contains(statements, s => s.Lines.Any(l => l.Contains("。二是", StringComparison.Ordinal)));
        Assert.Contains(statements, s => s.Lines.Any(l => l.StartsWith("2.", StringComparison.Ordinal)));
        Assert.Contains(statements, s => s.Lines.Any(l => l.StartsWith("（二）", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Generate_MembersOfAUnitShareProblems_ThatConsolidationFindsAsCommon()
    {
        var unit = new CorpusGenerator(seed: 2).Generate(50).Where(s => s.Unit == 0).ToList();
        var records = new List<StatementRecord>();
        foreach (var statement in unit)
        {
            records.Add(await Engine.ProcessAsync(statement.ToDocx(), statement.FileName, "u1"));
        }

        var report = Engine.Get<UnitConsolidator>().Consolidate("u1", records);

        Assert.True(unit.Count >= 6);
        Assert.All(unit, s => Assert.NotEmpty(s.SharedTitles));
        // Shared problems stand in several members' statements, in the same or nearly the same words …
        var sharedWording = unit.SelectMany(s => s.SharedTitles.Distinct()).GroupBy(t => t).Max(g => g.Count());
        Assert.True(sharedWording >= 2, "some shared problem is worded the same by two members");
        // … and consolidation finds them: common problems owned by several members, one of them naming a shared title.
        var common = report.Summary.CommonProblems;
        Assert.NotEmpty(common);
        Assert.Contains(common, c => c.Owners.Count >= 3);
        var sharedTitles = unit.SelectMany(s => s.SharedTitles).ToHashSet();
        Assert.Contains(common, c => sharedTitles.Contains(c.Title));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
