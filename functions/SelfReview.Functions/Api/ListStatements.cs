using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Contracts;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Api;

/// <summary>
/// <c>GET /api/units/{unitId}/statements</c>: every upload of the unit with its status — pending until
/// its record exists, then accepted, rejected or failed (with the reason). Uploads are matched to
/// records by the SHA-256 of their bytes, or by file name for files put into the container directly.
/// </summary>
public sealed class ListStatements(IStatementStore store)
{
    [Function(nameof(ListStatements))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "units/{unitId}/statements")] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        var uploads = await store.ListUploadsAsync(unitId, cancellationToken);
        var listed = await store.ListRecordsAsync(unitId, cancellationToken);
        var records = (await Task.WhenAll(listed.Select(e => store.GetRecordAsync(unitId, e.Name, cancellationToken))))
            .OfType<StoredRecord>().Select(r => r.Record).ToList();
        var byId = records.ToDictionary(r => r.StatementId, StringComparer.Ordinal);
        var byName = records.GroupBy(r => r.Source.FileName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var basePath = $"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/";

        var items = new List<StatementListItem>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var upload in uploads)
        {
            var record = upload.Sha256 is { } sha ? byId.GetValueOrDefault(sha) : byName.GetValueOrDefault(upload.Name);
            var statementId = upload.Sha256 ?? record?.StatementId;
            if (record is not null)
            {
                matched.Add(record.StatementId);
            }

            items.Add(new StatementListItem(
                upload.Name,
                statementId,
                StatusOf(record),
                record?.Rejection?.Message,
                upload.Size,
                upload.LastModified,
                record?.Summary?.Problems,
                statementId is null ? null : basePath + statementId));
        }

        // A record whose upload is gone still counts: records are the source of truth.
        items.AddRange(records.Where(r => !matched.Contains(r.StatementId)).Select(r => new StatementListItem(
            r.Source.FileName, r.StatementId, StatusOf(r), r.Rejection?.Message, r.Source.Size, null, r.Summary?.Problems, basePath + r.StatementId)));
        items.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));

        var list = new StatementList(
            unitId,
            items.Count,
            items.Count(i => i.Status == UploadStatus.Accepted),
            items.Count(i => i.Status == UploadStatus.Rejected),
            items.Count(i => i.Status == UploadStatus.Failed),
            items.Count(i => i.Status == UploadStatus.Pending),
            items);
        return TypedResults.Json(list, ApiJson.StatementList, ApiJson.ContentType);
    }

    public static UploadStatus StatusOf(StatementRecord? record) => record?.Status switch
    {
        null => UploadStatus.Pending,
        RecordStatus.Accepted => UploadStatus.Accepted,
        RecordStatus.Rejected => UploadStatus.Rejected,
        _ => UploadStatus.Failed,
    };
}
