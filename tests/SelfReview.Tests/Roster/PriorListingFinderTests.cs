using SelfReview.Contracts;
using SelfReview.Pipeline.Roster;

namespace SelfReview.Tests.Roster;

public sealed class PriorListingFinderTests
{
    private static readonly PriorRow[] LastYear =
    [
        new() { Number = 1, Problem = "理论学习不够深入系统。学用结合不紧", Status = "已完成" },
        new() { Number = 2, Problem = "调查研究不够经常，深入基层少", Status = "推进中" },
        new() { Number = 3, Problem = "落实八项规定精神有松懈", Status = "已完成" },
    ];

    [Fact]
    public void Find_MarksAProblemListedLastYear_WithLastYearsRowBesideIt()
    {
        var found = new PriorListingFinder(LastYear, 0.5, "上年度整改清单").Find("调查研究不够经常", "调查研究不够经常，到基层次数少。");

        Assert.NotNull(found);
        Assert.Equal((2, "推进中", "上年度整改清单"), (found.Row.Number, found.Row.Status, found.Source));
        Assert.InRange(found.Similarity, 0.5, 1);
    }

    [Fact]
    public void Find_LeavesANewProblemUnmarked()
    {
        Assert.Null(new PriorListingFinder(LastYear, 0.5, "上年度整改清单").Find("专业能力跟不上新形势", "面对数字化转型，专业能力跟不上新形势。"));
    }

    [Fact]
    public void Finder_KeepsAtMostItsCap_OfLastYearsRows()
    {
        var many = Enumerable.Range(1, PriorListingFinder.MaxPriorRows + 500).Select(i => new PriorRow { Number = i, Problem = "调查研究不够经常" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var found = new PriorListingFinder(many, 0.5, "上年度整改清单").Find("调查研究不够经常", "调查研究不够经常");

        Assert.NotNull(found);
        Assert.InRange(found.Row.Number, 1, PriorListingFinder.MaxPriorRows);
    }
}
