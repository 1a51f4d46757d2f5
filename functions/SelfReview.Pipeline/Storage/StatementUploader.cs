using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// The upload rules, the same for every host: names checked by <see cref="StorageLayout"/>, at most
/// <see cref="UploadOptions.MaxBytes"/> (read no further than that), not empty, stored under its name
/// unless the name is taken; the same bytes under the same name again are fine, other bytes are refused.
/// </summary>
public sealed partial class StatementUploader(IStatementStore store, IUploadNotifier notifier, IOptions<UploadOptions> options, ILogger<StatementUploader> logger)
{
    private readonly long _maxBytes = options.Value.MaxBytes;

    public long MaxBytes => _maxBytes;

    /// <param name="unitId">The unit.</param>
    /// <param name="fileName">The upload's name (already decoded).</param>
    /// <param name="body">The bytes, read up to one past the limit.</param>
    /// <param name="declaredLength">The length the client announced (Content-Length), when it did.</param>
    /// <param name="cancellationToken">Cancels the read and the write.</param>
    public async Task<UploadResult> UploadAsync(string unitId, string? fileName, Stream body, long? declaredLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return new UploadResult.InvalidUnitId(unitError);
        }

        if (StorageLayout.FileNameError(fileName) is { } nameError)
        {
            return new UploadResult.InvalidFileName(nameError);
        }

        if (declaredLength > _maxBytes || await ReadAsync(body, cancellationToken) is not { } content)
        {
            return new UploadResult.TooLarge(_maxBytes);
        }

        if (content.Length == 0)
        {
            return new UploadResult.Empty();
        }

        var statementId = StatementProcessor.StatementIdOf(content);
        if (await store.PutUploadAsync(unitId, fileName!, content, cancellationToken) is null)
        {
            var existing = await store.GetUploadAsync(unitId, fileName!, cancellationToken);
            return existing is not null && StatementProcessor.StatementIdOf(existing.Content) == statementId
                ? new UploadResult.SameFile(statementId, fileName!)
                : new UploadResult.NameTaken(fileName!);
        }

        LogStored(logger, statementId, unitId, content.Length);
        await notifier.UploadedAsync(unitId, fileName!, cancellationToken);
        return new UploadResult.Stored(statementId, fileName!);
    }

    /// <summary>The body, or null when it is longer than the limit (without reading past it).</summary>
    private async Task<byte[]?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Upload {StatementId} stored for unit {UnitId}: {Bytes} bytes")]
    private static partial void LogStored(ILogger logger, string statementId, string unitId, int bytes);
}
