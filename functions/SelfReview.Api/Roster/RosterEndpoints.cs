using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SelfReview.Api.Access;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Roster;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api.Roster;

/// <summary>
/// The unit's roster (名册) over HTTP, for both hosts: <c>GET …/roster</c> (the people and each statement's
/// owner), <c>PUT …/roster</c> (upload an XLSX or CSV; the file is the body, its name in <c>X-File-Name</c>
/// or <c>?fileName=</c>), <c>PUT …/roster/owners/{statementId}</c> (an owner set by hand, If-Match
/// optional) and <c>PUT …/last-year</c> (last year's list for 回头看). The rules are <see cref="RosterImporter"/>'s.
/// </summary>
public sealed class RosterEndpoints(RosterImporter importer, ApiAccess access)
{
    private static readonly RosterJsonContext Json = new(new JsonSerializerOptions(RosterJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public async Task<IResult> GetAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, AccessRight.Read, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        await access.AuditAsync(request, unitId, "read", TrackingNames.Roster, cancellationToken);
        return View(await importer.ViewAsync(unitId, cancellationToken));
    }

    public async Task<IResult> PutAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, AccessRight.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return ApiProblems.TooLarge(request, RosterImporter.MaxBytes);
        }

        var outcome = await importer.ImportAsync(unitId, FileNameHeader.From(request) ?? string.Empty, body, cancellationToken);
        if (outcome is RosterOutcome.Stored)
        {
            await access.AuditAsync(request, unitId, "roster", TrackingNames.Roster, cancellationToken);
        }

        return Answer(request, outcome);
    }

    public async Task<IResult> PutOwnerAsync(HttpRequest request, string unitId, string statementId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, AccessRight.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        OwnerRequest? owner;
        try
        {
            owner = await JsonSerializer.DeserializeAsync(request.Body, Json.OwnerRequest, cancellationToken);
        }
        catch (JsonException)
        {
            owner = null;
        }

        if (owner is null)
        {
            return ApiProblems.BadRequest(request, "invalid-owner", "请求体应为 {\"person\":\"名册中的姓名\"}；person 为空表示取消指定");
        }

        var ifMatch = request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? tag : null;
        var outcome = await importer.AssignAsync(unitId, statementId, owner.Person, ifMatch, cancellationToken);
        if (outcome is RosterOutcome.Stored)
        {
            await access.AuditAsync(request, unitId, "owner", statementId, cancellationToken);
        }

        return Answer(request, outcome);
    }

    public async Task<IResult> PutLastYearAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, AccessRight.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return ApiProblems.TooLarge(request, RosterImporter.MaxBytes);
        }

        var fileName = FileNameHeader.From(request) ?? string.Empty;
        var outcome = await importer.ImportLastYearAsync(unitId, fileName, body, cancellationToken);
        if (outcome is RosterOutcome.LastYearStored(var rows))
        {
            await access.AuditAsync(request, unitId, "last-year", TrackingNames.LastYear, cancellationToken);
            return TypedResults.Json(new LastYearImport(unitId, fileName, rows), Json.LastYearImport, ApiJson.ContentType);
        }

        return Answer(request, outcome);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<RosterView> View(RosterView view) =>
        TypedResults.Json(view, Json.RosterView, ApiJson.ContentType);

    private static IResult Answer(HttpRequest request, RosterOutcome outcome) => outcome switch
    {
        RosterOutcome.Stored(var view) => View(view),
        RosterOutcome.Invalid("too-large", _) => ApiProblems.TooLarge(request, RosterImporter.MaxBytes),
        RosterOutcome.Invalid(var code, var reason) => ApiProblems.BadRequest(request, code, reason),
        RosterOutcome.NotFound(var code, var reason) => ApiProblems.NotFound(request, code, reason),
        RosterOutcome.Stale(var reason) => ApiProblems.Problem(request, StatusCodes.Status409Conflict, "stale-roster", "名册已被修改", reason),
        _ => throw new InvalidOperationException("unknown roster outcome " + outcome.GetType().Name),
    };

    /// <summary>The body, read up to the limit; null when it is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > RosterImporter.MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > RosterImporter.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
