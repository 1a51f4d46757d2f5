using SelfReview.Contracts;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Consolidation;

/// <summary>
/// A real store with one hook: something else happens right before the first report write — another
/// consolidation run, a new record — the interleavings concurrent function instances produce.
/// </summary>
public sealed class InterleavingStore(IStatementStore inner) : IStatementStore
{
    /// <summary>Set inside the action: its own writes (another run's) go straight through.</summary>
    private static readonly AsyncLocal<bool> InAction = new();

    private readonly Lock _lock = new();
    private Func<Task>? _beforeFirstReportWrite;
    private Task? _action;

    public void BeforeFirstReportWrite(Func<Task> action) => _beforeFirstReportWrite = action;

    /// <summary>
    /// The first report write starts the action, and every report write of the run (the publisher writes
    /// several at once) waits until it ended, so the action's writes all come before the run's.
    /// </summary>
    public async Task<string?> PutReportAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        if (!InAction.Value)
        {
            Task? action;
            lock (_lock)
            {
                if (_beforeFirstReportWrite is { } pending)
                {
                    _beforeFirstReportWrite = null;
                    _action = Task.Run(async () =>
                    {
                        InAction.Value = true;
                        await pending();
                    }, CancellationToken.None);
                }

                action = _action;
            }

            if (action is not null)
            {
                await action;
            }
        }

        return await inner.PutReportAsync(unitId, name, contentType, content, condition, cancellationToken);
    }

    public Task<string?> PutUploadAsync(string unitId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.PutUploadAsync(unitId, fileName, content, cancellationToken);

    public Task<StoredFile?> GetUploadAsync(string unitId, string fileName, CancellationToken cancellationToken = default) => inner.GetUploadAsync(unitId, fileName, cancellationToken);

    public Task<IReadOnlyList<string>> ListUnitsAsync(CancellationToken cancellationToken = default) => inner.ListUnitsAsync(cancellationToken);

    public Task<IReadOnlyList<StoreEntry>> ListUploadsAsync(string unitId, CancellationToken cancellationToken = default) => inner.ListUploadsAsync(unitId, cancellationToken);

    public Task<string> PutRecordAsync(StatementRecord record, CancellationToken cancellationToken = default) => inner.PutRecordAsync(record, cancellationToken);

    public Task<StoredRecord?> GetRecordAsync(string unitId, string statementId, CancellationToken cancellationToken = default) => inner.GetRecordAsync(unitId, statementId, cancellationToken);

    public Task<IReadOnlyList<StoreEntry>> ListRecordsAsync(string unitId, CancellationToken cancellationToken = default) => inner.ListRecordsAsync(unitId, cancellationToken);

    public Task<IReadOnlyList<string>> ListRecordIdsAsync(string unitId, CancellationToken cancellationToken = default) => inner.ListRecordIdsAsync(unitId, cancellationToken);

    public Task<StoredFile?> GetStatusIndexAsync(string unitId, CancellationToken cancellationToken = default) => inner.GetStatusIndexAsync(unitId, cancellationToken);

    public Task<string?> PutStatusIndexAsync(string unitId, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default) => inner.PutStatusIndexAsync(unitId, content, condition, cancellationToken);

    public Task<StoredFile?> GetReportAsync(string unitId, string name, CancellationToken cancellationToken = default) => inner.GetReportAsync(unitId, name, cancellationToken);

    public Task<IReadOnlyList<StoreEntry>> ListReportsAsync(string unitId, CancellationToken cancellationToken = default) => inner.ListReportsAsync(unitId, cancellationToken);

    public Task<string?> PutTrackingAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default) => inner.PutTrackingAsync(unitId, name, contentType, content, condition, cancellationToken);

    public Task<StoredFile?> GetTrackingAsync(string unitId, string name, CancellationToken cancellationToken = default) => inner.GetTrackingAsync(unitId, name, cancellationToken);

    public Task<IReadOnlyList<StoreEntry>> ListTrackingAsync(string unitId, string folder, CancellationToken cancellationToken = default) => inner.ListTrackingAsync(unitId, folder, cancellationToken);
}
