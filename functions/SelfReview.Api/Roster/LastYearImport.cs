namespace SelfReview.Api.Roster;

/// <summary>The answer to <c>PUT …/last-year</c>: how many rows of last year's list were read.</summary>
public sealed record LastYearImport(string UnitId, string FileName, int Rows);
