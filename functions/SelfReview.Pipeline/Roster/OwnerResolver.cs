using SelfReview.Contracts;

namespace SelfReview.Pipeline.Roster;

/// <summary>
/// Finds the owner (责任人) of a statement, in this order: the person set by hand on the page; the roster
/// person the parser's author is (or whose name the title holds); the roster person the office listed the
/// file for, or whose name the file name holds (exactly one); the parser's author, to be confirmed; else
/// <see cref="Unconfirmed"/>. Never a file stem: a list that says <c>000_2b90…</c> cannot be signed.
/// </summary>
public sealed class OwnerResolver
{
    /// <summary>What the list shows where nobody is known yet.</summary>
    public const string Unconfirmed = "【待确认】";

    public const string Team = "领导班子";

    private readonly Dictionary<string, RosterPerson> _byName;
    private readonly Dictionary<string, string> _assigned;
    private readonly Dictionary<string, RosterPerson> _byFile;

    public OwnerResolver(UnitRoster? roster)
    {
        Roster = roster;
        var people = roster?.People ?? [];
        _byName = people.GroupBy(p => RosterReader.Normalize(p.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _assigned = (roster?.Assignments ?? []).GroupBy(a => a.StatementId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Person, StringComparer.Ordinal);
        _byFile = new Dictionary<string, RosterPerson>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in people)
        {
            foreach (var file in person.FileNames)
            {
                _byFile.TryAdd(file, person);
                _byFile.TryAdd(Path.GetFileNameWithoutExtension(file), person);
            }
        }
    }

    public UnitRoster? Roster { get; }

    public bool HasRoster => _byName.Count > 0;

    public RowOwner Resolve(StatementRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.StatementId;
        if (_assigned.TryGetValue(id, out var assigned))
        {
            var person = _byName.GetValueOrDefault(RosterReader.Normalize(assigned));
            return new RowOwner(person?.Name ?? assigned, person?.Position, id, OwnerMatch.Assigned);
        }

        if (record.StatementKind == StatementKind.Team)
        {
            return new RowOwner(Team, null, id, OwnerMatch.Team);
        }

        var author = record.Author?.Name is { } name && !IsPlaceholderName(name) ? RosterReader.Normalize(name) : null;
        if (author is not null && _byName.TryGetValue(author, out var byAuthor))
        {
            return new RowOwner(byAuthor.Name, byAuthor.Position ?? record.Author?.Position, id, OwnerMatch.RosterAuthor);
        }

        if (record.Title is { } title && Unique(_byName.Values.Where(p => p.Name.Length >= 2 && title.Contains(p.Name, StringComparison.Ordinal))) is { } byTitle)
        {
            return new RowOwner(byTitle.Name, byTitle.Position, id, OwnerMatch.RosterAuthor);
        }

        var file = record.Source.FileName;
        if (_byFile.TryGetValue(file, out var listed) || _byFile.TryGetValue(Path.GetFileNameWithoutExtension(file), out listed))
        {
            return new RowOwner(listed.Name, listed.Position, id, OwnerMatch.RosterFileName);
        }

        if (Unique(_byName.Values.Where(p => p.Name.Length >= 2 && file.Contains(p.Name, StringComparison.Ordinal))) is { } inName)
        {
            return new RowOwner(inName.Name, inName.Position, id, OwnerMatch.RosterFileName);
        }

        return author is not null
            ? new RowOwner(author, record.Author?.Position, id, OwnerMatch.Author)
            : new RowOwner(Unconfirmed, null, id, OwnerMatch.Unconfirmed);
    }

    /// <summary>The owner is a person the office has confirmed (by roster or by hand), or the team.</summary>
    public static bool IsConfirmed(RowOwner owner) => owner?.MatchedBy is OwnerMatch.Assigned or OwnerMatch.RosterAuthor or OwnerMatch.RosterFileName or OwnerMatch.Team;

    public static bool IsPlaceholderName(string name) =>
        name is not null && (name.Contains("某某", StringComparison.Ordinal) || name.All(c => c is '×' or 'X' or 'x' or 'Ｘ' or '*' or '＊' or '○'));

    private static RosterPerson? Unique(IEnumerable<RosterPerson> people)
    {
        // The longest name wins when one contains another (王伟 in 王伟东): the more specific match.
        var found = people.OrderByDescending(p => p.Name.Length).Take(2).ToList();
        return found.Count == 1 || (found.Count == 2 && found[0].Name.Length > found[1].Name.Length && found[0].Name.Contains(found[1].Name, StringComparison.Ordinal)) ? found[0] : null;
    }
}
