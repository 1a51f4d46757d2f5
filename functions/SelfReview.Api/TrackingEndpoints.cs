using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SelfReview.Api.Access;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Storage;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Api;

/// <summary>
/// Tracking of the rectification list over HTTP, for both hosts: one row (GET, PATCH with If-Match → 409
/// when stale), its evidence (佐证材料: list, upload, download), the reminders (到期提醒), the completion
/// rates (整改完成率) and the import of an edited XLSX. Reading needs the read right, changing the edit
/// right; 销号 (and reopening a signed-off row) needs the unit's administrator: the one who checks the
/// work (书记, 验收) is not the one who records it. Every change is audited (row ids, never text).
/// </summary>
public sealed class TrackingEndpoints(RectificationTracker tracker, ListImporter importer, IStatementStore store, IOptions<UploadOptions> uploads, ApiAccess access, TimeProvider time)
{
    /// <summary>What evidence may be: documents, sheets, PDFs, photos and scans, plain text (sniffed from the bytes).</summary>
    private static readonly HashSet<FileKind> EvidenceKinds = [FileKind.Docx, FileKind.LegacyDoc, FileKind.OtherOfficeZip, FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Tiff, FileKind.UnsupportedImage, FileKind.Text];

    private readonly TrackingStore _tracking = new(store);

    /// <summary>The row as the list shows it, with its tracking; its entity tag in <c>ETag</c>.</summary>
    public async Task<IResult> GetRowAsync(HttpRequest request, string unitId, string rowId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, rowId, AccessRight.Read, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (await tracker.GetListAsync(unitId, cancellationToken) is not { } list || list.List.Rows.FirstOrDefault(r => r.RowId == rowId) is not { } row)
        {
            return RowNotFound(request, unitId, rowId);
        }

        await access.AuditAsync(request, unitId, "read", rowId, cancellationToken);
        request.HttpContext.Response.Headers.ETag = list.ETags[rowId];
        return TypedResults.Json(row, SelfReviewJson.RectificationRow, ApiJson.ContentType);
    }

    /// <summary><c>{"status": "...", "note": "..."}</c>: 200 with the row; 409 when <c>If-Match</c> is not the row's current tag.</summary>
    public async Task<IResult> PatchRowAsync(HttpRequest request, string unitId, string rowId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, rowId, AccessRight.Edit, cancellationToken) is { } problem)
        {
            return problem;
        }

        TrackingPatch? patch;
        try
        {
            patch = await JsonSerializer.DeserializeAsync(request.Body, ApiJson.TrackingPatch, cancellationToken);
        }
        catch (JsonException)
        {
            return ApiProblems.BadRequest(request, "invalid-body", "请求体须为 JSON：{\"status\": \"推进中\", \"note\": \"整改进展\"}");
        }

        if (patch is null)
        {
            return ApiProblems.BadRequest(request, "invalid-body", "请求体为空：请给出 status（完成情况）或 note（整改进展）");
        }

        var ifMatch = request.Headers.IfMatch.ToString() is { Length: > 0 } m && m != "*" ? m.Trim() : null;
        var caller = ApiAccess.CallerOf(request)!;
        var update = await tracker.UpdateAsync(unitId, rowId, new RowChange(patch.Status, patch.Note), caller.Id, ifMatch, await MaySignOffAsync(request, unitId, cancellationToken), cancellationToken);
        switch (update)
        {
            case RowUpdate.Updated updated:
                if (updated.Changed)
                {
                    await access.AuditAsync(request, unitId, patch.Status is not null ? "track:status" : "track:note", rowId, cancellationToken);
                }

                request.HttpContext.Response.Headers.ETag = updated.ETag;
                return TypedResults.Json(updated.Row, SelfReviewJson.RectificationRow, ApiJson.ContentType);
            case RowUpdate.Stale stale:
                request.HttpContext.Response.Headers.ETag = stale.CurrentETag;
                return ApiProblems.Problem(request, StatusCodes.Status409Conflict, "row-changed", "已被他人修改", "这一行在您打开后已被他人修改（If-Match 与当前版本不符）：请刷新后再修改");
            case RowUpdate.Invalid invalid:
                return ApiProblems.BadRequest(request, "invalid-change", invalid.Reason);
            case RowUpdate.WithdrawnRow:
                return ApiProblems.Problem(request, StatusCodes.Status409Conflict, "row-withdrawn", "该行已撤销", "这一行已撤销（不再出现在检视材料中），整改记录保留可查，但不能再修改");
            case RowUpdate.NeedsSignOffRight:
                return ApiProblems.Problem(request, StatusCodes.Status403Forbidden, "sign-off-needs-administrator", "没有权限", "销号（或撤回销号）须由单位管理员（如书记）验收后操作");
            default:
                return RowNotFound(request, unitId, rowId);
        }
    }

    /// <summary>The row's evidence files.</summary>
    public async Task<IResult> ListEvidenceAsync(HttpRequest request, string unitId, string rowId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, rowId, AccessRight.Read, cancellationToken) is { } problem)
        {
            return problem;
        }

        await access.AuditAsync(request, unitId, "list", "evidence:" + rowId, cancellationToken);
        var (tracking, _) = await tracker.GetRowAsync(unitId, rowId, cancellationToken);
        return TypedResults.Json(tracking.Evidence, SelfReviewJson.EvidenceFiles, ApiJson.ContentType);
    }

    /// <summary>
    /// An evidence file as the body, its name in <c>X-File-Name</c> (as for statements): 201; the same file
    /// again 200; another file under a taken name 409; 413 above the upload limit; 415 for what is not a
    /// document, sheet, PDF, picture or text (sniffed from the bytes).
    /// </summary>
    public async Task<IResult> UploadEvidenceAsync(HttpRequest request, string unitId, string rowId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, rowId, AccessRight.Edit, cancellationToken) is { } problem)
        {
            return problem;
        }

        var fileName = FileNameHeader.From(request);
        if (StorageLayout.FileNameError(fileName) is { } nameError)
        {
            return ApiProblems.BadRequest(request, "invalid-file-name", $"{nameError}（文件名放在请求头 {FileNameHeader.Name} 中，中文请按 RFC 8187 编码）");
        }

        if (await tracker.GetListAsync(unitId, cancellationToken) is not { } list || list.List.Rows.FirstOrDefault(r => r.RowId == rowId) is not { } row)
        {
            return RowNotFound(request, unitId, rowId);
        }

        if (row.Withdrawn)
        {
            return ApiProblems.Problem(request, StatusCodes.Status409Conflict, "row-withdrawn", "该行已撤销", "这一行已撤销，不能再添加佐证材料");
        }

        var maxBytes = uploads.Value.MaxBytes;
        if (await RequestBody.ReadAsync(request, maxBytes, cancellationToken) is not { } content)
        {
            return ApiProblems.TooLarge(request, maxBytes);
        }

        var format = FormatSniffer.Detect(content);
        if (!EvidenceKinds.Contains(format.Kind))
        {
            return ApiProblems.Problem(request, StatusCodes.Status415UnsupportedMediaType, "unsupported-evidence", "文件类型不支持", $"“{fileName}”是{format.Description}，不能作为佐证材料：请上传 Word、Excel、PDF、图片或文本文件");
        }

        var sha = StatementProcessor.StatementIdOf(content);
        var at = time.GetUtcNow();
        var caller = ApiAccess.CallerOf(request)!;
        var evidence = new EvidenceFile { Name = fileName!, Size = content.Length, MediaType = format.MediaType, Sha256 = sha, At = at, By = caller.Id };
        if (await _tracking.PutEvidenceAsync(unitId, rowId, fileName!, format.MediaType, content, cancellationToken) is null)
        {
            var existing = await _tracking.GetEvidenceAsync(unitId, rowId, fileName!, cancellationToken);
            if (existing is null || StatementProcessor.StatementIdOf(existing.Content) != sha)
            {
                return ApiProblems.Conflict(request, "file-name-taken", $"这一行已有同名佐证材料“{fileName}”且内容不同；请改名后重新上传");
            }

            var (current, _) = await tracker.GetRowAsync(unitId, rowId, cancellationToken);
            if (current.Evidence.FirstOrDefault(e => e.Name == fileName) is { } same)
            {
                return TypedResults.Json(same, SelfReviewJson.EvidenceFile, ApiJson.ContentType);
            }
        }

        await tracker.AddEvidenceAsync(unitId, rowId, evidence, cancellationToken);
        await access.AuditAsync(request, unitId, "evidence", rowId, cancellationToken);
        request.HttpContext.Response.Headers.Location = $"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/{Uri.EscapeDataString(fileName!)}";
        return TypedResults.Json(evidence, SelfReviewJson.EvidenceFile, ApiJson.ContentType, StatusCodes.Status201Created);
    }

    /// <summary>One evidence file as a download, with the type sniffed when it was stored.</summary>
    public async Task<IResult> GetEvidenceAsync(HttpRequest request, string unitId, string rowId, string name, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, rowId, AccessRight.Read, cancellationToken) is { } problem)
        {
            return problem;
        }

        var fileName = Uri.UnescapeDataString(name);
        if (StorageLayout.FileNameError(fileName) is { } nameError)
        {
            return ApiProblems.BadRequest(request, "invalid-file-name", nameError);
        }

        await access.AuditAsync(request, unitId, "export", "evidence:" + rowId, cancellationToken);
        if (await _tracking.GetEvidenceAsync(unitId, rowId, fileName, cancellationToken) is not { } file)
        {
            return ApiProblems.NotFound(request, "evidence-not-found", $"这一行没有佐证材料“{fileName}”");
        }

        request.HttpContext.Response.Headers.ContentDisposition = ContentDisposition.Attachment("evidence" + Path.GetExtension(fileName), fileName);
        return FileResults.Of(file);
    }

    /// <summary>Reminders: open rows overdue and due within <c>?days=</c> (default 7), with the meeting date and each due date.</summary>
    public async Task<IResult> DueAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, null, AccessRight.Read, cancellationToken) is { } problem)
        {
            return problem;
        }

        var days = DueRowFinder.DefaultDays;
        if (request.Query["days"].ToString() is { Length: > 0 } text && (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days) || days > DueRowFinder.MaxDays))
        {
            return ApiProblems.BadRequest(request, "invalid-days", $"days 须为 0 至 {DueRowFinder.MaxDays} 的整数（提前提醒的天数）");
        }

        if (await tracker.GetListAsync(unitId, cancellationToken) is not { } list)
        {
            return ListNotFound(request, unitId);
        }

        await access.AuditAsync(request, unitId, "read", "due", cancellationToken);
        return TypedResults.Json(DueRowFinder.Find(list.List, Today(), days), SelfReviewJson.DueRows, ApiJson.ContentType);
    }

    /// <summary>整改完成率: the unit, by member, by category.</summary>
    public async Task<IResult> RatesAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, null, AccessRight.Read, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (await tracker.GetListAsync(unitId, cancellationToken) is not { } list)
        {
            return ListNotFound(request, unitId);
        }

        await access.AuditAsync(request, unitId, "read", "rates", cancellationToken);
        return TypedResults.Json(CompletionCalculator.Compute(list.List), SelfReviewJson.CompletionRates, ApiJson.ContentType);
    }

    /// <summary>An edited XLSX list as the body (name in <c>X-File-Name</c>): 200 with what changed and what was refused.</summary>
    public async Task<IResult> ImportAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, null, AccessRight.Edit, cancellationToken) is { } problem)
        {
            return problem;
        }

        var fileName = FileNameHeader.From(request) is { Length: > 0 } n && StorageLayout.FileNameError(n) is null ? n : "整改清单.xlsx";
        var maxBytes = uploads.Value.MaxBytes;
        if (await RequestBody.ReadAsync(request, maxBytes, cancellationToken) is not { } content)
        {
            return ApiProblems.TooLarge(request, maxBytes);
        }

        var caller = ApiAccess.CallerOf(request)!;
        var (report, error) = await importer.ImportAsync(unitId, fileName, content, caller.Id, await MaySignOffAsync(request, unitId, cancellationToken), cancellationToken);
        if (report is null)
        {
            return ApiProblems.BadRequest(request, "invalid-import", error!);
        }

        await access.AuditAsync(request, unitId, "import", report.Changed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " changes", cancellationToken);
        return TypedResults.Json(report, SelfReviewJson.ImportReport, ApiJson.ContentType);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private async Task<IResult?> CheckAsync(HttpRequest request, string unitId, string? rowId, AccessRight needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, needed, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        return rowId is not null && !RowIdentity.IsValid(rowId)
            ? ApiProblems.BadRequest(request, "invalid-row-id", "行标识（rowId）格式无效：应为 r 加 12 位十六进制数字，如 r0123456789ab")
            : null;
    }

    /// <summary>Whether the caller administers the unit (and so may sign rows off).</summary>
    private async Task<bool> MaySignOffAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        var (caller, map, denied) = await access.AuthenticateAsync(request, cancellationToken);
        return denied is null && UnitAccessPolicy.Decide(caller, map, unitId, AccessRight.Administer) == AccessDecision.Allowed;
    }

    private static IResult RowNotFound(HttpRequest request, string unitId, string rowId) =>
        ApiProblems.NotFound(request, "row-not-found", $"单位“{unitId}”的整改清单中没有行标识为“{rowId}”的问题");

    private static IResult ListNotFound(HttpRequest request, string unitId) =>
        ApiProblems.NotFound(request, "rectifications-not-found", $"单位“{unitId}”尚未生成整改清单：请先上传材料，处理完成后片刻即可获取");
}
