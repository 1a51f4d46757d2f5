namespace SelfReview.Api;

/// <summary>A unit's uploads with their status, and the counts per status.</summary>
public sealed record StatementList(
    string UnitId,
    int Total,
    int Accepted,
    int Rejected,
    int Failed,
    int Pending,
    IReadOnlyList<StatementListItem> Statements);
