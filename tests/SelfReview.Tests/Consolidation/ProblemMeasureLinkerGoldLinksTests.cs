using System.Globalization;
using System.Text;
using SelfReview.Contracts;
using Xunit.Abstractions;

namespace SelfReview.Tests.Consolidation;

/// <summary>
/// The linker against links judged by hand: for six corpus statements and the three written for
/// <see cref="OwnUnit"/>, which measure answers each problem. Problems no measure answers (037's
/// 精神状态 and 道德行为, 010's 严以律己) have no gold link, so linking them costs precision.
/// </summary>
public sealed class ProblemMeasureLinkerGoldLinksTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> CorpusGold = new(StringComparer.Ordinal)
    {
        ["001.txt"] = "p1 m1, p2 m1, p3 m2, p4 m2, p5 m3, p6 m3, p7 m4",
        ["005.txt"] = "p1 m1, p2 m1, p3 m2, p4 m3, p5 m4, p6 m4",
        ["010.txt"] = "p1 m1, p2 m1, p3 m2, p4 m2, p6 m3, p7 m3, p8 m4, p9 m4, p10 m5",
        ["020.txt"] = "p1 m1, p2 m1, p3 m2, p4 m3, p5 m3, p6 m4, p7 m4, p8 m5",
        ["035.txt"] = "p1 m1, p2 m1, p3 m1, p4 m2, p5 m2, p6 m3, p7 m4, p8 m4",
        ["037.txt"] = "p1 m1, p2 m2, p3 m2, p4 m3, p5 m3",
    };

    private static readonly Dictionary<string, string> OwnGold = new(StringComparer.Ordinal)
    {
        [OwnUnit.A] = "p1 m1, p2 m2, p3 m3",
        [OwnUnit.B] = "p1 m1, p2 m2, p3 m3",
        [OwnUnit.C] = "p1 m1, p2 m2",
    };

    [Fact]
    public async Task Link_FindsTheHandJudgedLinks_WithPrecisionAndRecallAboveTheFloor()
    {
        var gold = new HashSet<string>(StringComparer.Ordinal);
        var predicted = new HashSet<string>(StringComparer.Ordinal);
        var statements = new List<(string Name, StatementRecord Record, string Gold)>();
        foreach (var (file, links) in CorpusGold)
        {
            statements.Add((file, await Engine.ProcessFileAsync(TestFiles.CorpusFile(file)), links));
        }

        var n = 0;
        foreach (var (text, links) in OwnGold)
        {
            var name = "own" + (++n).ToString(CultureInfo.InvariantCulture);
            statements.Add((name, await Engine.ProcessAsync(Encoding.UTF8.GetBytes(text), name + ".txt"), links));
        }

        foreach (var (name, record, links) in statements)
        {
            gold.UnionWith(links.Split(", ").Select(l => name + ":" + l));
            foreach (var problem in record.Items(SectionKind.Problems))
            {
                predicted.UnionWith((problem.Links ?? []).Select(m => name + ":" + problem.Id + " " + m));
            }
        }

        var right = predicted.Intersect(gold).Count();
        var precision = (double)right / predicted.Count;
        var recall = (double)right / gold.Count;
        output.WriteLine($"links: gold {gold.Count}, predicted {predicted.Count}, right {right}; precision {precision:F3}, recall {recall:F3}");
        output.WriteLine("missed: " + string.Join("; ", gold.Except(predicted).Order(StringComparer.Ordinal)));
        output.WriteLine("wrong: " + string.Join("; ", predicted.Except(gold).Order(StringComparer.Ordinal)));
        Assert.True(precision >= 0.9 && recall >= 0.9, $"precision {precision:F3}, recall {recall:F3}");
    }
}
