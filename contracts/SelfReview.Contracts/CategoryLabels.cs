namespace SelfReview.Contracts;

/// <summary>The Chinese labels users read for each canonical category.</summary>
public static class CategoryLabels
{
    /// <summary>The label of <paramref name="code"/> (理论学习, 政治素质 …).</summary>
    public static string Of(CategoryCode code) => code switch
    {
        CategoryCode.Theory => "理论学习",
        CategoryCode.Political => "政治素质",
        CategoryCode.Capability => "能力本领",
        CategoryCode.Responsibility => "担当作为",
        CategoryCode.Style => "工作作风",
        CategoryCode.Integrity => "廉洁自律",
        CategoryCode.MassLine => "宗旨意识",
        CategoryCode.PartyBuilding => "管党治党",
        _ => "其他",
    };

    /// <summary>The JSON code of <paramref name="code"/> (theory, mass_line …), as the serializer writes it.</summary>
    public static string CodeOf(CategoryCode code) => code switch
    {
        CategoryCode.MassLine => "mass_line",
        CategoryCode.PartyBuilding => "party_building",
        _ => code.ToString().ToLowerInvariant(),
    };
}
