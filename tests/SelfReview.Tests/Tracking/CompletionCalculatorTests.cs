using SelfReview.Contracts;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Tests.Tracking;

public sealed class CompletionCalculatorTests
{
    private static RectificationRow Row(int number, DateOnly? due, string status = "未完成", bool withdrawn = false, string owner = "张三", CategoryCode category = CategoryCode.Theory) => new()
    {
        RowId = "r" + number.ToString("x12", System.Globalization.CultureInfo.InvariantCulture),
        Number = number,
        Category = category,
        CategoryLabel = CategoryLabels.Of(category),
        Problem = "问题" + number,
        Measures = "措施",
        Owners = [owner],
        Deadline = due?.ToString("yyyy年M月d日前", System.Globalization.CultureInfo.InvariantCulture) ?? "长期坚持",
        DueDate = due,
        Status = status,
        Withdrawn = withdrawn,
    };

    [Fact]
    public void Compute_CountsCompletedAndSignedOffRows_ByUnitMemberAndCategory_WithoutWithdrawnRows()
    {
        var list = new RectificationList
        {
            UnitId = "u",
            Title = "清单",
            UnitName = "某单位",
            Rows =
            [
                Row(1, null, "已完成"),
                Row(2, null, "已销号", owner: "李四", category: CategoryCode.Style),
                Row(3, null, "推进中", owner: "李四", category: CategoryCode.Style),
                Row(4, null, "已撤销", withdrawn: true),
            ],
        };

        var rates = CompletionCalculator.Compute(list);

        Assert.Equal(("某单位", 3, 2, 1, 66.7), (rates.Unit.Name, rates.Unit.Rows, rates.Unit.Completed, rates.Unit.SignedOff, rates.Unit.Percent));
        Assert.Equal([("张三", 100.0), ("李四", 50.0)], rates.ByMember.Select(r => (r.Name, r.Percent)));
        Assert.Equal([("理论学习", 1), ("工作作风", 2)], rates.ByCategory.Select(r => (r.Name, r.Rows)));
    }
}
