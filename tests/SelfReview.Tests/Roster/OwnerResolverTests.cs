using SelfReview.Contracts;
using SelfReview.Pipeline.Roster;

namespace SelfReview.Tests.Roster;

public sealed class OwnerResolverTests
{
    private static readonly string Id = new('a', 64);

    private static StatementRecord Record(string fileName, string? author = null, string? title = null, StatementKind kind = StatementKind.Personal) => new()
    {
        StatementId = Id,
        UnitId = "u",
        Status = RecordStatus.Accepted,
        StatementKind = kind,
        Title = title,
        Author = author is null ? null : new Person(author, null),
        Source = new SourceInfo { FileName = fileName, MediaType = "text/plain", Size = 1, Sha256 = Id },
    };

    private static readonly UnitRoster Roster = new()
    {
        UnitId = "u",
        People =
        [
            new RosterPerson { Name = "周明远", Position = "局长", FileNames = ["材料01.docx"] },
            new RosterPerson { Name = "吴芳", Position = "副局长" },
            new RosterPerson { Name = "郑志刚", Position = "纪检组长" },
        ],
    };

    [Fact]
    public void Resolve_MatchesTheParsersAuthor_ToTheRosterPerson_WithTheirPosition()
    {
        var owner = new OwnerResolver(Roster).Resolve(Record("x.docx", author: "吴 芳"));

        Assert.Equal(new RowOwner("吴芳", "副局长", Id, OwnerMatch.RosterAuthor), owner);
    }

    [Theory]
    [InlineData("材料01.docx")]
    [InlineData("材料01.pdf")]
    [InlineData("2024年度郑志刚对照检查材料.docx")]
    public void Resolve_MatchesByFileName_ListedInTheRosterOrHoldingTheName(string fileName)
    {
        var owner = new OwnerResolver(Roster).Resolve(Record(fileName));

        Assert.Equal(OwnerMatch.RosterFileName, owner.MatchedBy);
        Assert.Equal(fileName.Contains("郑志刚", StringComparison.Ordinal) ? "郑志刚" : "周明远", owner.Name);
    }

    [Fact]
    public void Resolve_TakesTheOwnerSetByHand_OverEveryAutomaticMatch()
    {
        var roster = Roster with { Assignments = [new OwnerAssignment(Id, "郑志刚")] };

        var owner = new OwnerResolver(roster).Resolve(Record("材料01.docx", author: "吴芳"));

        Assert.Equal(new RowOwner("郑志刚", "纪检组长", Id, OwnerMatch.Assigned), owner);
    }

    [Theory]
    [InlineData("000_2b906ff47b59dcbb.txt", null)]
    [InlineData("000_2b906ff47b59dcbb.txt", "×××")]
    [InlineData("检视材料.docx", "某某")]
    public void Resolve_NeverShowsAFileStem_WhenNothingMatches(string fileName, string? author)
    {
        var withRoster = new OwnerResolver(Roster).Resolve(Record(fileName, author));
        var without = new OwnerResolver(null).Resolve(Record(fileName, author));

        Assert.Equal((OwnerResolver.Unconfirmed, OwnerMatch.Unconfirmed), (withRoster.Name, withRoster.MatchedBy));
        Assert.Equal((OwnerResolver.Unconfirmed, OwnerMatch.Unconfirmed), (without.Name, without.MatchedBy));
    }

    [Fact]
    public void Resolve_KeepsAnAuthorTheRosterDoesNotKnow_AsToBeConfirmed()
    {
        var owner = new OwnerResolver(Roster).Resolve(Record("a.docx", author: "孙立华"));

        Assert.Equal(("孙立华", OwnerMatch.Author), (owner.Name, owner.MatchedBy));
        Assert.False(OwnerResolver.IsConfirmed(owner));
    }

    [Fact]
    public void Resolve_GivesATeamStatement_ToTheTeam()
    {
        Assert.Equal(OwnerMatch.Team, new OwnerResolver(Roster).Resolve(Record("班子.docx", kind: StatementKind.Team)).MatchedBy);
    }
}
