namespace SelfReview.Contracts;

/// <summary>A recognised framework (the year's aspects of the problems section).</summary>
/// <param name="Id">A stable id from the framework data file (e.g. <c>2023-theme-education</c>).</param>
/// <param name="Name">The framework's name as users know it.</param>
public sealed record FrameworkRef(string Id, string Name);
