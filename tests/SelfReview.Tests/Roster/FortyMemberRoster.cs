using System.Globalization;
using System.Text;
using SelfReview.Contracts;

namespace SelfReview.Tests.Roster;

/// <summary>
/// A roster for <see cref="Exports.FortyMemberUnit"/>: one made-up person per corpus file 001–040 (the
/// office's 文件名 column), positions and 分管领域 spread over the categories, as an office would fill it in.
/// </summary>
public static class FortyMemberRoster
{
    private static readonly string[] Surnames = ["周", "吴", "郑", "王", "冯", "陈", "褚", "卫", "蒋", "沈"];
    private static readonly string[] Given = ["明远", "晓芳", "志刚", "建华"];

    private static readonly (string Position, string Areas)[] Roles =
    [
        ("党组书记、局长", "全面工作、机关党建、全面从严治党"),
        ("副局长", "理论学习、意识形态、宣传"),
        ("纪检组长", "党风廉政建设、八项规定精神、廉洁"),
        ("副局长", "项目建设、改革攻坚、担当作为"),
        ("办公室主任", "作风建设、调查研究、文件会议"),
        ("科长", "业务工作"),
        ("科员", ""),
        ("副科长", "群众工作、信访、为民服务"),
    ];

    public static IReadOnlyList<RosterPerson> People { get; } = [.. Enumerable.Range(1, 40).Select(i => new RosterPerson
    {
        Name = Surnames[(i - 1) % Surnames.Length] + Given[(i - 1) / Surnames.Length],
        Position = Roles[(i - 1) % Roles.Length].Position,
        Areas = Roles[(i - 1) % Roles.Length].Areas is { Length: > 0 } a && i <= Roles.Length ? a : null,
        FileNames = [i.ToString("000", CultureInfo.InvariantCulture) + ".txt"],
    })];

    public static UnitRoster Roster(string unitId) => new() { UnitId = unitId, People = People };

    /// <summary>The same roster as the CSV an office uploads (GBK, as Excel on a Chinese Windows saves it).</summary>
    public static byte[] Csv()
    {
        var text = new StringBuilder("姓名,职务,分管领域,文件名\r\n");
        foreach (var p in People)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Name},\"{p.Position}\",\"{p.Areas}\",{p.FileNames[0]}\r\n");
        }

        return RosterSheets.GbkCsv(text.ToString());
    }
}
