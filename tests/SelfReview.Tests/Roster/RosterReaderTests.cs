using SelfReview.Contracts;
using SelfReview.Pipeline.Roster;

namespace SelfReview.Tests.Roster;

public sealed class RosterReaderTests
{
    private static IReadOnlyList<RosterPerson> People(RosterReadResult result) =>
        Assert.IsType<RosterReadResult.Read>(result).People;

    private static string Reason(RosterReadResult result) =>
        Assert.IsType<RosterReadResult.Rejected>(result).Reason;

    [Fact]
    public void Read_TakesAnXlsx_UnderATitleLine_WithHeaderVariantsAndExtraColumns()
    {
        var xlsx = RosterSheets.Xlsx(
            ["某区发展改革局领导班子成员名册"],
            ["序号", "姓 名", "性别", "现任职务", "分管工作", "材料文件名"],
            ["1", "周明远", "男", "党组书记、局长", "全面工作，党建", "001.txt"],
            ["2", "吴　芳", "女", "副局长", "意识形态、宣传；理论学习", ""],
            [],
            ["3", "郑志刚", "男", "纪检组长", "党风廉政建设", "003.docx、003-修改稿.docx"]);

        var people = People(RosterReader.Read("名册.xlsx", xlsx));

        Assert.Equal(["周明远", "吴芳", "郑志刚"], people.Select(p => p.Name));
        Assert.Equal(["党组书记、局长", "副局长", "纪检组长"], people.Select(p => p.Position));
        Assert.Equal("意识形态、宣传；理论学习", people[1].Areas);
        Assert.Equal(["001.txt"], people[0].FileNames);
        Assert.Empty(people[1].FileNames);
        Assert.Equal(["003.docx", "003-修改稿.docx"], people[2].FileNames);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_TakesACsv_InGbkOrUtf8WithBom_WithQuotedCells(bool gbk)
    {
        const string text = "姓名,职务,分管领域,备注\r\n王建国,\"支部书记,主任\",\"党建、组织\",无\r\n李晓红,副主任,业务工作,\r\n";
        var bytes = gbk ? RosterSheets.GbkCsv(text) : RosterSheets.Utf8Csv(text);

        var people = People(RosterReader.Read("名册.csv", bytes));

        Assert.Equal(["王建国", "李晓红"], people.Select(p => p.Name));
        Assert.Equal("支部书记,主任", people[0].Position);
        Assert.Equal("党建、组织", people[0].Areas);
    }

    [Fact]
    public void Read_Refuses_ASheetWithoutANameColumn_NamingTheFile()
    {
        var reason = Reason(RosterReader.Read("人员表.csv", RosterSheets.Utf8Csv("职务,分管领域\n局长,全面\n")));

        Assert.Contains("人员表.csv", reason, StringComparison.Ordinal);
        Assert.Contains("姓名", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Refuses_ARowWithoutAName_NamingTheRow()
    {
        var reason = Reason(RosterReader.Read("名册.csv", RosterSheets.Utf8Csv("姓名,职务\n张三,局长\n,副局长\n")));

        Assert.Equal("“名册.csv”第 3 行缺少姓名：请填写姓名或删除该行", reason);
    }

    [Fact]
    public void Read_Refuses_ANameGivenTwice_NamingBothRows()
    {
        var reason = Reason(RosterReader.Read("名册.xlsx", RosterSheets.Xlsx(["姓名", "职务"], ["张三", "局长"], ["李四", "副局长"], ["张三", "科长"])));

        Assert.Contains("第 4 行的姓名“张三”与第 2 行重复", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02 }, "不是有效的 Excel 表格")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x00, 0x9C }, "无法读取")]
    [InlineData(new byte[0], "空文件")]
    public void Read_Refuses_BrokenFiles_WithAChineseReason(byte[] bytes, string expected)
    {
        var reason = Reason(RosterReader.Read("坏名册.xlsx", bytes));

        Assert.Contains("坏名册.xlsx", reason, StringComparison.Ordinal);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Refuses_AHeaderWithNobodyUnderIt()
    {
        Assert.Contains("没有人员", Reason(RosterReader.Read("名册.csv", RosterSheets.Utf8Csv("姓名,职务,分管领域\n"))), StringComparison.Ordinal);
    }
}
