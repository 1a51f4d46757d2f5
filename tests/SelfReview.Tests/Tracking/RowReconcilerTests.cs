using SelfReview.Contracts;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Tests.Tracking;

public sealed class RowReconcilerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static RectificationRow Row(int number, string title, string owner, params string[] refs) => new()
    {
        RowId = RowIdentity.Of(refs.Select(Ref)),
        Number = number,
        Category = CategoryCode.Theory,
        CategoryLabel = "理论学习",
        Problem = title + "。具体表现略。",
        ProblemTitle = title,
        Measures = "措施",
        Owners = [owner],
        Deadline = "2025年6月底前",
        Problems = [.. refs.Select(Ref)],
    };

    private static ItemRef Ref(string r) => new(new string(r[0], 64), r[1..]);

    private static RectificationList List(params RectificationRow[] rows) => new() { UnitId = "u", Title = "清单", Rows = rows };

    [Fact]
    public void RowIdentity_IsTheSame_ForTheSameProblemsInAnyOrder_AndDiffersForOthers()
    {
        Assert.Equal(RowIdentity.Of([Ref("ap1"), Ref("bp2")]), RowIdentity.Of([Ref("bp2"), Ref("ap1")]));
        Assert.NotEqual(RowIdentity.Of([Ref("ap1")]), RowIdentity.Of([Ref("ap2")]));
        Assert.Matches("^r[0-9a-f]{12}$", RowIdentity.Of([Ref("ap1")]));
    }

    [Fact]
    public void Reconcile_KeepsIdsAndNumbers_WhenRowsMoveAndANewRowComesBeforeThem()
    {
        var (_, first) = RowReconciler.Reconcile(List(Row(1, "学习不深", "张三", "ap1"), Row(2, "调研不实", "张三", "ap2")), null, Now);

        // A new member's upload puts a common problem first: positions shift, identities must not.
        var (list, _) = RowReconciler.Reconcile(List(Row(1, "担当不够", "李四", "bp1"), Row(2, "学习不深", "张三", "ap1"), Row(3, "调研不实", "张三", "ap2")), first, Now);

        Assert.Equal([(1, "学习不深"), (2, "调研不实"), (3, "担当不够")], list.Rows.Select(r => (r.Number, r.ProblemTitle!)));
        Assert.Equal(first.Rows.Select(r => r.RowId), list.Rows.Take(2).Select(r => r.RowId));
    }

    [Fact]
    public void Reconcile_KeepsACommonRowsId_WhenItGainsAMember()
    {
        var (_, first) = RowReconciler.Reconcile(List(Row(1, "学习不深", "张三", "ap1", "bp1")), null, Now);

        var (list, _) = RowReconciler.Reconcile(List(Row(1, "学习不深", "张三", "ap1", "bp1", "cp3")), first, Now);

        Assert.Equal(first.Rows[0].RowId, Assert.Single(list.Rows).RowId);
    }

    [Fact]
    public void Reconcile_MatchesByTitleAndOwner_WhenTheItemsWereRenumbered()
    {
        var (_, first) = RowReconciler.Reconcile(List(Row(1, "学习不深", "张三", "ap1")), null, Now);

        var (list, _) = RowReconciler.Reconcile(List(Row(1, "学习不深", "张三", "dp7")), first, Now);

        Assert.Equal(first.Rows[0].RowId, Assert.Single(list.Rows).RowId);
    }

    [Fact]
    public void Reconcile_KeepsAVanishedRowAsWithdrawn_WithItsNumber_AndNeverReusesTheNumber()
    {
        var (_, first) = RowReconciler.Reconcile(List(Row(1, "学习不深", "张三", "ap1"), Row(2, "调研不实", "张三", "ap2")), null, Now);

        var (list, registry) = RowReconciler.Reconcile(List(Row(1, "学习不深", "张三", "ap1"), Row(2, "服务不优", "王五", "ep1")), first, Now);

        Assert.Equal([(1, false, "未完成"), (2, true, "已撤销"), (3, false, "未完成")], list.Rows.Select(r => (r.Number, r.Withdrawn, r.Status)));
        Assert.Equal(first.Rows[1].RowId, list.Rows[1].RowId);
        Assert.Equal(Now, registry.Rows.Single(r => r.Number == 2).WithdrawnAt);

        // Consolidated again later: the withdrawal keeps its first date.
        var (_, again) = RowReconciler.Reconcile(List(Row(1, "学习不深", "张三", "ap1"), Row(2, "服务不优", "王五", "ep1")), registry, Now.AddDays(3));
        Assert.Equal(Now, again.Rows.Single(r => r.Number == 2).WithdrawnAt);
    }

    [Fact]
    public void Reconcile_IsDeterministic()
    {
        var computed = List(Row(1, "学习不深", "张三", "ap1"), Row(2, "调研不实", "张三", "ap2"));
        var (_, registry) = RowReconciler.Reconcile(computed, null, Now);

        var a = RowReconciler.Reconcile(computed, registry, Now);
        var b = RowReconciler.Reconcile(computed, registry, Now);

        Assert.Equal(SelfReviewJson.Serialize(a.Registry, SelfReviewJson.RowRegistry), SelfReviewJson.Serialize(b.Registry, SelfReviewJson.RowRegistry));
        Assert.Equal(SelfReviewJson.Serialize(registry, SelfReviewJson.RowRegistry), SelfReviewJson.Serialize(a.Registry, SelfReviewJson.RowRegistry));
    }
}
