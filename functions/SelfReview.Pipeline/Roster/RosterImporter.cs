using System.Text.Json;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Pipeline.Roster;

/// <summary>
/// Keeps a unit's roster (名册), the owners set by hand and last year's list in the store
/// (<c>tracking/{unitId}/roster.json</c>, <c>last-year.json</c>), every write conditioned on the entity tag
/// read before it, and asks for the unit to be consolidated after each change so the list is re-labelled.
/// A new roster replaces the people and keeps the owners set by hand.
/// </summary>
public sealed class RosterImporter(IStatementStore store, IConsolidationScheduler scheduler, TimeProvider time)
{
    /// <summary>How often a write is retried when another writer changed the document in between (the merge is recomputed each time).</summary>
    private const int Attempts = 5;

    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Reads, stores and applies a roster file (XLSX or CSV).</summary>
    public async Task<RosterOutcome> ImportAsync(string unitId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (Invalid(unitId, fileName, content.Length) is { } invalid)
        {
            return invalid;
        }

        if (RosterReader.Read(fileName, content.Span) is RosterReadResult.Rejected(var reason))
        {
            return new RosterOutcome.Invalid("invalid-roster", reason);
        }

        var people = ((RosterReadResult.Read)RosterReader.Read(fileName, content.Span)).People;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (current, eTag) = await ReadAsync(unitId, cancellationToken);
            var roster = (current ?? new UnitRoster { UnitId = unitId }) with { SourceFileName = fileName, ImportedAt = time.GetUtcNow(), People = people };
            if (await WriteAsync(unitId, roster, WriteCondition.Expecting(eTag), cancellationToken) is not null)
            {
                await scheduler.RequestAsync(unitId, cancellationToken);
                return new RosterOutcome.Stored(await ViewAsync(unitId, cancellationToken));
            }
        }

        return new RosterOutcome.Stale("名册同时被他人修改，请刷新后重试");
    }

    /// <summary>
    /// Ties a statement to a roster person by hand (null or empty <paramref name="person"/> removes the tie).
    /// With <paramref name="ifMatch"/>, only when the roster is still that version.
    /// </summary>
    public async Task<RosterOutcome> AssignAsync(string unitId, string statementId, string? person, string? ifMatch, CancellationToken cancellationToken = default)
    {
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return new RosterOutcome.Invalid("invalid-unit-id", unitError);
        }

        if (!StorageLayout.IsValidStatementId(statementId))
        {
            return new RosterOutcome.Invalid("invalid-statement-id", "材料标识应为 64 位小写十六进制（文件内容的 SHA-256）");
        }

        if (await store.GetRecordAsync(unitId, statementId, cancellationToken) is not { Record.Status: RecordStatus.Accepted })
        {
            return new RosterOutcome.NotFound("statement-not-found", $"单位“{unitId}”没有标识为 {statementId} 的有效材料");
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (current, eTag) = await ReadAsync(unitId, cancellationToken);
            if (ifMatch is not null && !string.Equals(ifMatch, eTag, StringComparison.Ordinal))
            {
                return new RosterOutcome.Stale("名册或责任人已被他人修改（If-Match 不符），请刷新后重试");
            }

            var roster = current ?? new UnitRoster { UnitId = unitId };
            var name = person is null ? string.Empty : RosterReader.Normalize(person);
            if (name.Length > 0 && roster.People.Count > 0 && !roster.People.Any(p => RosterReader.Normalize(p.Name) == name))
            {
                return new RosterOutcome.NotFound("person-not-found", $"名册中没有“{name}”：请先在名册中加入此人，或从名册中选择");
            }

            if (name.Length > RosterReader.MaxNameLength)
            {
                return new RosterOutcome.Invalid("invalid-person", $"姓名过长（最多 {RosterReader.MaxNameLength} 个字）");
            }

            var assignments = roster.Assignments.Where(a => a.StatementId != statementId).ToList();
            if (name.Length > 0)
            {
                assignments.Add(new OwnerAssignment(statementId, name));
            }

            var condition = ifMatch is not null ? WriteCondition.IfMatch(ifMatch) : WriteCondition.Expecting(eTag);
            if (await WriteAsync(unitId, roster with { Assignments = [.. assignments.OrderBy(a => a.StatementId, StringComparer.Ordinal)] }, condition, cancellationToken) is not null)
            {
                await scheduler.RequestAsync(unitId, cancellationToken);
                return new RosterOutcome.Stored(await ViewAsync(unitId, cancellationToken));
            }

            if (ifMatch is not null)
            {
                return new RosterOutcome.Stale("名册或责任人已被他人修改（If-Match 不符），请刷新后重试");
            }
        }

        return new RosterOutcome.Stale("名册同时被他人修改，请刷新后重试");
    }

    /// <summary>Reads and stores last year's list (this system's rectifications.xlsx / .csv / .json) for 回头看.</summary>
    public async Task<RosterOutcome> ImportLastYearAsync(string unitId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (Invalid(unitId, fileName, content.Length) is { } invalid)
        {
            return invalid;
        }

        var (rows, error) = LastYearReader.Read(fileName, content.Span);
        if (rows is null)
        {
            return new RosterOutcome.Invalid("invalid-last-year", error!);
        }

        var list = new LastYearList { UnitId = unitId, SourceFileName = fileName, ImportedAt = time.GetUtcNow(), Rows = rows };
        await store.PutTrackingAsync(unitId, TrackingNames.LastYear, ReportFormats.JsonType, SelfReviewJson.Serialize(list, SelfReviewJson.LastYearList), WriteCondition.Always, cancellationToken);
        await scheduler.RequestAsync(unitId, cancellationToken);
        return new RosterOutcome.LastYearStored(rows.Count);
    }

    /// <summary>The roster with every accepted statement's owner, as consolidation will apply it.</summary>
    public async Task<RosterView> ViewAsync(string unitId, CancellationToken cancellationToken = default)
    {
        var (roster, eTag) = await ReadAsync(unitId, cancellationToken);
        var resolver = new OwnerResolver(roster);
        var listed = await store.ListRecordsAsync(unitId, cancellationToken);
        var records = (await Task.WhenAll(listed.Select(e => store.GetRecordAsync(unitId, e.Name, cancellationToken))))
            .OfType<StoredRecord>().Select(r => r.Record).Where(r => r.Status == RecordStatus.Accepted)
            .OrderBy(r => r.Source.FileName, StringComparer.Ordinal).ToList();
        var statements = records.Select(r => (Record: r, Owner: resolver.Resolve(r)))
            .Select(x => new StatementOwner(x.Record.StatementId, x.Record.Source.FileName, x.Record.Author?.Name, x.Owner.Name, x.Owner.Position, x.Owner.MatchedBy)).ToList();
        return new RosterView(unitId, roster?.SourceFileName, roster?.ImportedAt, eTag, roster?.People ?? [], statements,
            statements.Count(s => s.MatchedBy is OwnerMatch.Assigned or OwnerMatch.RosterAuthor or OwnerMatch.RosterFileName or OwnerMatch.Team), statements.Count);
    }

    private static RosterOutcome.Invalid? Invalid(string unitId, string fileName, int length)
    {
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return new RosterOutcome.Invalid("invalid-unit-id", unitError);
        }

        if (StorageLayout.FileNameError(fileName) is { } fileError)
        {
            return new RosterOutcome.Invalid("invalid-file-name", fileError);
        }

        if (length == 0)
        {
            return new RosterOutcome.Invalid("empty-body", $"“{fileName}”是空文件：请把表格文件放在请求体中上传");
        }

        return length > MaxBytes ? new RosterOutcome.Invalid("too-large", $"“{fileName}”超过 {MaxBytes / (1024 * 1024)} MB，不像是名册或清单表格") : null;
    }

    private async Task<(UnitRoster? Roster, string? ETag)> ReadAsync(string unitId, CancellationToken cancellationToken)
    {
        if (await store.GetTrackingAsync(unitId, TrackingNames.Roster, cancellationToken) is not { } file)
        {
            return (null, null);
        }

        try
        {
            return (SelfReviewJson.Deserialize(file.Content, SelfReviewJson.UnitRoster), file.ETag);
        }
        catch (JsonException)
        {
            return (null, file.ETag); // replaced by the next write (If-Match this tag), never read as people
        }
    }

    private Task<string?> WriteAsync(string unitId, UnitRoster roster, WriteCondition condition, CancellationToken cancellationToken) =>
        store.PutTrackingAsync(unitId, TrackingNames.Roster, ReportFormats.JsonType, SelfReviewJson.Serialize(roster, SelfReviewJson.UnitRoster), condition, cancellationToken);
}
