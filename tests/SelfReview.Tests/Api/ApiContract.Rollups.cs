using System.Text;
using SelfReview.Tests.Functions;

namespace SelfReview.Tests.Api;

/// <summary>The rollup above the unit and the parent links, on both hosts.</summary>
public abstract partial class ApiContract
{
    private static Task<ApiResponse> PutParentAsync(IApiHost app, string unit, string? parent) =>
        app.SendAsync("PUT", $"/api/units/{unit}", Encoding.UTF8.GetBytes(parent is null ? """{"parent":null}""" : $$"""{"parent":"{{parent}}"}"""), new Dictionary<string, string> { [global::SelfReview.Api.Access.ApiAccess.RequestHeader] = "1" });

    [Fact]
    public async Task Rollup_AddsUpTheUnitsPlacedBelowAParent_AsJsonAndAsAWorkbook()
    {
        await using var app = await StartAsync();
        var parent = NewUnit();
        var first = "a-" + NewUnit();
        var second = "b-" + NewUnit();
        await UploadAsync(app, first, "a.txt", Statement("张三", "理论学习不够深入系统，学用结合不紧密", "联系服务群众不够经常"));
        await UploadAsync(app, second, "b.txt", Statement("李四", "理论学习不够深入系统，学用结合不够紧密", "廉洁自律要求落实有差距"));
        await UploadAsync(app, second, "c.txt", Statement("王五", "调查研究浮于表面", "干部队伍建设抓得不紧"));
        await app.ProcessAsync(first);
        await app.ProcessAsync(second);

        Assert.Equal(200, (await PutParentAsync(app, first, parent)).Status);
        Assert.Equal(200, (await PutParentAsync(app, second, parent)).Status);
        Assert.Equal(parent, (await app.SendAsync("GET", $"/api/units/{first}")).Json().GetProperty("parent").GetString());
        AssertProblem(await PutParentAsync(app, parent, first), 400, "invalid-parent");
        AssertProblem(await PutParentAsync(app, first, first), 400, "invalid-parent");

        var rollup = (await app.SendAsync("GET", $"/api/units/{parent}/rollup")).Json();
        var summaries = new[] { first, second }.Select(u => app.SendAsync("GET", $"/api/units/{u}/summary").Result.Json()).ToList();
        Assert.Equal([first, second], rollup.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetString()));
        Assert.Equal(3, rollup.GetProperty("statements").GetInt32());
        Assert.Equal(summaries.Sum(s => s.GetProperty("problems").GetInt32()), rollup.GetProperty("problems").GetInt32());
        Assert.Equal(6, rollup.GetProperty("problems").GetInt32());
        // Both units wrote 理论学习不够深入系统 in nearly the same words: one problem of two units, and no other.
        var shared = Assert.Single(rollup.GetProperty("crossUnitProblems").EnumerateArray());
        Assert.Equal([first, second], shared.GetProperty("units").EnumerateArray().Select(u => u.GetString()));

        var xlsx = await app.SendAsync("GET", $"/api/units/{parent}/rollup?format=xlsx");
        Assert.Equal(200, xlsx.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType);
        Assert.Equal("PK"u8.ToArray(), xlsx.Body[..2]);

        // Taken out again, the unit no longer counts.
        Assert.Equal(200, (await PutParentAsync(app, second, null)).Status);
        Assert.Equal(1, (await app.SendAsync("GET", $"/api/units/{parent}/rollup")).Json().GetProperty("statements").GetInt32());
    }
}
