using SelfReview.Contracts;

namespace SelfReview.Pipeline.Parsing;

/// <summary>What the title block reader found: the title, the author, the meeting year, and the lines it used.</summary>
/// <param name="Title">The title as written (two title lines joined), or null.</param>
/// <param name="Author">The author with the position when written, or null.</param>
/// <param name="MeetingYear">The year the meeting is held (the year deadlines such as 年底前 refer to), or null.</param>
/// <param name="MeetingDate">The date at the end of the statement, when written (relative deadlines such as 3个月内 count from it).</param>
/// <param name="Used">Indexes of the lines that belong to the title block or the signature (not content).</param>
public sealed record TitleBlock(string? Title, Person? Author, int? MeetingYear, DateOnly? MeetingDate, IReadOnlySet<int> Used);
