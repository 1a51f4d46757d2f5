using System.Text.Json.Serialization;

namespace SelfReview.Contracts;

/// <summary>How a row's owner was found.</summary>
public enum OwnerMatch
{
    /// <summary>Set by hand on the page (a statement tied to a roster person).</summary>
    [JsonStringEnumMemberName("assigned")] Assigned,

    /// <summary>The author the parser found is a person of the roster.</summary>
    [JsonStringEnumMemberName("rosterAuthor")] RosterAuthor,

    /// <summary>The roster lists the statement's file name for the person, or the file name holds the person's name.</summary>
    [JsonStringEnumMemberName("rosterFileName")] RosterFileName,

    /// <summary>The author the parser found, not in a roster (or no roster yet): to be confirmed.</summary>
    [JsonStringEnumMemberName("author")] Author,

    /// <summary>A team's statement: the leadership team owns it.</summary>
    [JsonStringEnumMemberName("team")] Team,

    /// <summary>Nothing found: the row shows 【待确认】 and the unit review asks for an owner.</summary>
    [JsonStringEnumMemberName("unconfirmed")] Unconfirmed,
}
