namespace SelfReview.Contracts;

/// <summary>The values of 完成情况, in the order a row moves through them (domain.md, 整改销号).</summary>
public static class TrackingStatuses
{
    public const string NotStarted = "未完成";
    public const string InProgress = "推进中";
    public const string Done = "已完成";
    public const string SignedOff = "已销号";

    /// <summary>A row that no longer comes out of the statements (never a status anyone sets).</summary>
    public const string Withdrawn = "已撤销";

    public static IReadOnlyList<string> All { get; } = [NotStarted, InProgress, Done, SignedOff];

    public static bool IsValid(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);

    /// <summary>Rows that count as completed in a completion rate (整改完成率).</summary>
    public static bool IsCompleted(string status) => status is Done or SignedOff;
}
