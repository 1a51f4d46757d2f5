using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SelfReview.Contracts;
using SelfReview.Pipeline.Tracking;
using SelfReview.Tests.Functions;

namespace SelfReview.Tests.Api;

/// <summary>Tracking of the list (整改跟踪) on both hosts: over Azurite (the Functions app) and the folder store (serve).</summary>
public abstract partial class ApiContract
{
    /// <summary>A statement in our own words: an author line, problems, causes, and measures with deadlines.</summary>
    private static byte[] Statement(string author, params string[] problems)
    {
        var text = new StringBuilder();
        text.Append("2024年度民主生活会个人对照检查材料\n发言人：").Append(author).Append('\n');
        text.Append("按照上级通知要求，本人认真查找了自身不足，现报告如下。\n一、存在的问题\n");
        for (var i = 0; i < problems.Length; i++)
        {
            text.Append(i + 1).Append('.').Append(problems[i]).Append("。\n");
        }

        text.Append("二、原因剖析\n主要是理想信念有所松懈，党性修养还需加强，宗旨意识树得不牢。\n三、整改措施\n");
        for (var i = 0; i < problems.Length; i++)
        {
            text.Append(i + 1).Append(".围绕").Append(problems[i]).Append("抓整改，2025年6月底前完成。\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<JsonElement> ListAsync(IApiHost app, string unit) =>
        (await app.SendAsync("GET", $"/api/units/{unit}/rectifications")).Json();

    private static JsonElement RowOf(JsonElement list, string rowId) =>
        list.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("rowId").GetString() == rowId);

    private static Task<ApiResponse> PatchAsync(IApiHost app, string unit, string rowId, string json, string? ifMatch = null)
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
        if (ifMatch is not null)
        {
            headers["If-Match"] = ifMatch;
        }

        return app.SendAsync("PATCH", $"/api/units/{unit}/rectifications/{rowId}", Encoding.UTF8.GetBytes(json), headers);
    }

    [Fact]
    public async Task Tracking_StatusAndNoteSurviveANewUploadAndReconsolidation_WithTheSameRowIdAndNumber()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        await UploadAsync(app, unit, "张三.txt", Statement("张三", "理论学习不够系统深入", "调查研究不够扎实"));
        await app.ProcessAsync(unit);
        var before = (await ListAsync(app, unit)).GetProperty("rows").EnumerateArray().ToList();
        var tracked = before.Single(r => r.GetProperty("problemTitle").GetString()!.Contains("调查研究", StringComparison.Ordinal));
        var rowId = tracked.GetProperty("rowId").GetString()!;

        var patched = await PatchAsync(app, unit, rowId, """{"status":"推进中","note":"已制定调研计划，走访三个基层单位"}""");
        await UploadAsync(app, unit, "李四.txt", Statement("李四", "服务群众意识不够强", "担当作为不够主动"));
        await app.ProcessAsync(unit);
        var after = await ListAsync(app, unit);

        Assert.Equal(200, patched.Status);
        Assert.False(string.IsNullOrEmpty(patched.Headers.ETag.ToString()));
        Assert.Equal("推进中", patched.Json().GetProperty("status").GetString());
        Assert.True(after.GetProperty("rows").GetArrayLength() > before.Count, "the second statement added rows");
        var row = RowOf(after, rowId);
        Assert.Equal(tracked.GetProperty("number").GetInt32(), row.GetProperty("number").GetInt32());
        Assert.Equal("推进中", row.GetProperty("status").GetString());
        Assert.Equal("已制定调研计划，走访三个基层单位", row.GetProperty("latestProgress").GetString());
        Assert.All(before, r => Assert.Equal(r.GetProperty("number").GetInt32(), RowOf(after, r.GetProperty("rowId").GetString()!).GetProperty("number").GetInt32()));
        var csv = (await app.SendAsync("GET", $"/api/units/{unit}/rectifications?format=csv")).Text;
        Assert.Contains("已制定调研计划，走访三个基层单位", csv, StringComparison.Ordinal);
        Assert.Contains(rowId, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_ConcurrentPatchesBothLand_AndAStaleIfMatchIs409()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        await UploadAsync(app, unit, "张三.txt", Statement("张三", "理论学习不够系统深入"));
        await app.ProcessAsync(unit);
        var rowId = (await ListAsync(app, unit)).GetProperty("rows")[0].GetProperty("rowId").GetString()!;
        var first = await app.SendAsync("GET", $"/api/units/{unit}/rectifications/{rowId}");
        var seen = first.Headers.ETag.ToString();

        var both = await Task.WhenAll(
            PatchAsync(app, unit, rowId, """{"note":"第一条进展"}"""),
            PatchAsync(app, unit, rowId, """{"note":"第二条进展"}"""));
        var stale = await PatchAsync(app, unit, rowId, """{"status":"已完成"}""", ifMatch: seen);
        var current = await app.SendAsync("GET", $"/api/units/{unit}/rectifications/{rowId}");
        var fresh = await PatchAsync(app, unit, rowId, """{"status":"已完成"}""", ifMatch: current.Headers.ETag.ToString());

        Assert.Equal(RectificationTracker.UntrackedETag, seen);
        Assert.All(both, r => Assert.Equal(200, r.Status));
        var stored = await app.Store.GetTrackingAsync(unit, "rows/" + rowId + ".json");
        var tracking = SelfReviewJson.Deserialize(stored!.Content, SelfReviewJson.RowTracking);
        Assert.Equal(["第一条进展", "第二条进展"], tracking.Progress.Select(p => p.Note).OfType<string>().Order(StringComparer.Ordinal));
        AssertProblem(stale, 409, "row-changed");
        Assert.Equal(200, fresh.Status);
        Assert.Equal("已完成", fresh.Json().GetProperty("status").GetString());
        AssertProblem(await PatchAsync(app, unit, rowId, """{"status":"差不多了"}"""), 400, "invalid-change");
        AssertProblem(await PatchAsync(app, unit, "r000000000000", """{"status":"推进中"}"""), 404, "row-not-found");
        AssertProblem(await PatchAsync(app, unit, "1", """{"status":"推进中"}"""), 400, "invalid-row-id");
    }

    [Fact]
    public async Task Tracking_AnEditedXlsxRoundTrips_AndRefusesWhatItCannotApply()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        await UploadAsync(app, unit, "张三.txt", Statement("张三", "理论学习不够系统深入", "调查研究不够扎实", "服务群众意识不够强"));
        await app.ProcessAsync(unit);
        var rows = (await ListAsync(app, unit)).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("rowId").GetString()!).ToList();
        var xlsx = (await app.SendAsync("GET", $"/api/units/{unit}/rectifications?format=xlsx")).Body;

        // As a person would in Excel: type into 完成情况 and 整改进展 of two lines, a wrong status on the third.
        var edited = XlsxEdits.Apply(xlsx, new Dictionary<(int Line, string Header), string>
        {
            [(3, "完成情况")] = "已完成",
            [(3, "整改进展")] = "已组织专题学习四次",
            [(4, "责任人")] = "张三、王五",
            [(5, "完成情况")] = "快好了",
        });
        var import = await app.SendAsync("POST", $"/api/units/{unit}/tracking/import", edited, new Dictionary<string, string> { ["X-File-Name"] = "UTF-8''" + Uri.EscapeDataString("整改清单（已填）.xlsx") });
        var after = await ListAsync(app, unit);

        Assert.Equal(200, import.Status);
        var report = import.Json();
        Assert.Contains("整改清单（已填）.xlsx", report.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["完成情况", "整改进展", "责任人"],
            report.GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("field").GetString()!));
        var refused = Assert.Single(report.GetProperty("refused").EnumerateArray());
        Assert.Equal(5, refused.GetProperty("line").GetInt32());
        Assert.Contains("快好了", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("已完成", RowOf(after, rows[0]).GetProperty("status").GetString());
        Assert.Equal("已组织专题学习四次", RowOf(after, rows[0]).GetProperty("latestProgress").GetString());
        Assert.Equal(["张三", "王五"], RowOf(after, rows[1]).GetProperty("owners").EnumerateArray().Select(o => o.GetString()!));
        Assert.Equal("未完成", RowOf(after, rows[2]).GetProperty("status").GetString());

        // The same file again changes nothing.
        var again = (await app.SendAsync("POST", $"/api/units/{unit}/tracking/import", edited)).Json();
        Assert.Empty(again.GetProperty("changed").EnumerateArray());
        AssertProblem(await app.SendAsync("POST", $"/api/units/{unit}/tracking/import", Encoding.UTF8.GetBytes("不是表格")), 400, "invalid-import");
    }

    [Fact]
    public async Task Tracking_AWithdrawnRowStaysInTheList_WithItsHistory()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        await UploadAsync(app, unit, "张三.txt", Statement("张三", "理论学习不够系统深入", "调查研究不够扎实"));
        await app.ProcessAsync(unit);
        var rowId = (await ListAsync(app, unit)).GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("problemTitle").GetString()!.Contains("调查研究", StringComparison.Ordinal)).GetProperty("rowId").GetString()!;
        Assert.Equal(200, (await PatchAsync(app, unit, rowId, """{"status":"推进中","note":"已开展两次调研"}""")).Status);

        // 张三 sends a revised statement that no longer lists that problem: the new version supersedes the old one.
        await UploadAsync(app, unit, "张三（修改稿）.txt", Statement("张三", "理论学习不够系统深入", "批评与自我批评不够大胆"));
        await app.ProcessAsync(unit);
        var list = await ListAsync(app, unit);
        var row = RowOf(list, rowId);

        Assert.True(row.GetProperty("withdrawn").GetBoolean());
        Assert.Equal("已撤销", row.GetProperty("status").GetString());
        Assert.Equal("已开展两次调研", row.GetProperty("latestProgress").GetString());
        Assert.Contains(list.GetProperty("rows").EnumerateArray(), r => r.GetProperty("problemTitle").GetString()!.Contains("批评与自我批评", StringComparison.Ordinal));
        AssertProblem(await PatchAsync(app, unit, rowId, """{"note":"再补一条"}"""), 409, "row-withdrawn");
    }

    [Fact]
    public async Task Tracking_EvidenceIsStored_Sniffed_Listed_AndDownloaded()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        await UploadAsync(app, unit, "张三.txt", Statement("张三", "理论学习不够系统深入"));
        await app.ProcessAsync(unit);
        var rowId = (await ListAsync(app, unit)).GetProperty("rows")[0].GetProperty("rowId").GetString()!;
        var pdf = "%PDF-1.4\n% 会议记录\n"u8.ToArray();
        var name = "UTF-8''" + Uri.EscapeDataString("学习记录.pdf");

        var stored = await app.SendAsync("POST", $"/api/units/{unit}/rectifications/{rowId}/evidence", pdf, new Dictionary<string, string> { ["X-File-Name"] = name });
        var again = await app.SendAsync("POST", $"/api/units/{unit}/rectifications/{rowId}/evidence", pdf, new Dictionary<string, string> { ["X-File-Name"] = name });
        var binary = await app.SendAsync("POST", $"/api/units/{unit}/rectifications/{rowId}/evidence", [0x00, 0x01, 0x02, 0x03, 0xFE], new Dictionary<string, string> { ["X-File-Name"] = "x.bin" });
        var listed = (await app.SendAsync("GET", $"/api/units/{unit}/rectifications/{rowId}/evidence")).Json();
        var download = await app.SendAsync("GET", $"/api/units/{unit}/rectifications/{rowId}/evidence/{Uri.EscapeDataString("学习记录.pdf")}");

        Assert.Equal(201, stored.Status);
        Assert.Equal("application/pdf", stored.Json().GetProperty("mediaType").GetString());
        Assert.Equal(200, again.Status);
        AssertProblem(binary, 415, "unsupported-evidence");
        Assert.Equal("学习记录.pdf", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(pdf, download.Body);
        Assert.Equal(1, RowOf(await ListAsync(app, unit), rowId).GetProperty("evidenceCount").GetInt32());
    }

    [Fact]
    public async Task Tracking_RemindersListOverdueRows_AndRatesCountCompletedRows()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        await UploadAsync(app, unit, "张三.txt", Statement("张三", "理论学习不够系统深入", "调查研究不够扎实"));
        await app.ProcessAsync(unit);
        var rows = (await ListAsync(app, unit)).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("rowId").GetString()!).ToList();
        await PatchAsync(app, unit, rows[0], """{"status":"已完成"}""");

        var due = await app.SendAsync("GET", $"/api/units/{unit}/tracking/due?days=7");
        var rates = (await app.SendAsync("GET", $"/api/units/{unit}/tracking/rates")).Json();

        // The measures are due 2025-06-30, long past: the open row is overdue, the completed one is not reminded.
        Assert.Equal(200, due.Status);
        var overdue = Assert.Single(due.Json().GetProperty("overdue").EnumerateArray());
        Assert.Equal(rows[1], overdue.GetProperty("rowId").GetString());
        Assert.Equal("2025-06-30", overdue.GetProperty("dueDate").GetString());
        Assert.True(overdue.GetProperty("daysLeft").GetInt32() < 0);
        Assert.Equal((2, 1, 50.0), (rates.GetProperty("unit").GetProperty("rows").GetInt32(), rates.GetProperty("unit").GetProperty("completed").GetInt32(), rates.GetProperty("unit").GetProperty("percent").GetDouble()));
        Assert.Equal("张三", Assert.Single(rates.GetProperty("byMember").EnumerateArray()).GetProperty("name").GetString());
        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/tracking/due?days=-1"), 400, "invalid-days");
    }
}
