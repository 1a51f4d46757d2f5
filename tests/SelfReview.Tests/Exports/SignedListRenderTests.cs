using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Tests.Roster;

namespace SelfReview.Tests.Exports;

/// <summary>
/// The lists people sign, printed by LibreOffice for a 40-member unit with its roster: the 个人整改清单 of
/// the member with the most rows (name, 职务, every row, 本人签字 and the date line) and the 班子整改清单
/// (every common problem, 牵头领导 from the roster). Pages are kept under artifacts/render/signed-lists/.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignedListRenderTests
{
    [Fact]
    public async Task PersonalAndTeamLists_PrintEveryRow_WithTheSignatureBlockAndTheLeads()
    {
        var records = await FortyMemberUnit.RecordsAsync();
        var report = FortyMemberUnit.Consolidator().Consolidate("unit-40", records, new UnitTracking(FortyMemberRoster.Roster("unit-40"), null));
        var list = report.Rectifications;
        var member = report.Summary.Members.Where(m => m.Status == RecordStatus.Accepted && m.SupersededBy is null && m.StatementKind != StatementKind.Team)
            .OrderByDescending(m => PersonalListExporter.RowsOf(list, m.StatementId).Count).First();
        var own = PersonalListExporter.RowsOf(list, member.StatementId);
        var owner = own.SelectMany(r => r.OwnerDetails).First(o => o.StatementId == member.StatementId);
        var team = TeamListExporter.RowsOf(list);
        var rendered = await LibreOfficeRenderer.RenderAsync("signed-lists", new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["personal.docx"] = Engine.Get<PersonalListExporter>().Export(list, member),
            ["team-list.docx"] = Engine.Get<TeamListExporter>().Export(list),
        });

        var personal = rendered["personal"];
        Assert.Equal(OwnerMatch.RosterFileName, owner.MatchedBy);
        Assert.Contains(owner.Name + "同志个人整改清单", personal.Compact, StringComparison.Ordinal);
        Assert.Contains("职务：" + owner.Position, personal.Compact, StringComparison.Ordinal);
        Assert.Contains("本人签字", personal.Compact, StringComparison.Ordinal);
        Assert.Contains("年月日", personal.Compact, StringComparison.Ordinal);
        // Every row is printed (the count in the heading), and every page carries its number — N —.
        Assert.Contains("共" + own.Count + "项", personal.Compact, StringComparison.Ordinal);
        Assert.Contains("—" + personal.Pages + "—", personal.Compact, StringComparison.Ordinal);
        Assert.InRange(personal.Pages, 1, 3);

        var teamList = rendered["team-list"];
        Assert.NotEmpty(team);
        Assert.Contains("领导班子整改清单", teamList.Compact, StringComparison.Ordinal);
        Assert.Contains("牵头领导", teamList.Compact, StringComparison.Ordinal);
        var leads = team.Select(r => r.Lead).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(leads);
        Assert.All(leads, l => Assert.Contains(l, teamList.Compact, StringComparison.Ordinal));
        Assert.All(rendered.Values, d => Assert.NotEmpty(d.PagePngs));
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
