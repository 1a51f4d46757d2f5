using SelfReview.Contracts;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Tests.Tracking;

public sealed class DueRowFinderTests
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

    private static readonly DateOnly Today = new(2025, 6, 25);

    [Fact]
    public void Find_ListsOpenRowsOverdueAndDueWithinTheWindow_NeverCompletedWithdrawnOrUndatedOnes()
    {
        var list = new RectificationList
        {
            UnitId = "u",
            Title = "清单",
            MeetingDate = new DateOnly(2025, 1, 20),
            Rows =
            [
                Row(1, new DateOnly(2025, 6, 20)),
                Row(2, new DateOnly(2025, 6, 10), "推进中"),
                Row(3, new DateOnly(2025, 6, 30)),
                Row(4, new DateOnly(2025, 7, 3)),
                Row(5, new DateOnly(2025, 6, 1), "已完成"),
                Row(6, new DateOnly(2025, 6, 1), "已销号"),
                Row(7, new DateOnly(2025, 6, 1), "已撤销", withdrawn: true),
                Row(8, null),
                Row(9, Today),
            ],
        };

        var due = DueRowFinder.Find(list, Today, 7);

        Assert.Equal([(2, -15), (1, -5)], due.Overdue.Select(r => (r.Number, r.DaysLeft)));
        Assert.Equal([(9, 0), (3, 5)], due.DueSoon.Select(r => (r.Number, r.DaysLeft)));
        Assert.Equal(new DateOnly(2025, 1, 20), due.MeetingDate);
    }
}
