using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Cli.Serving;

/// <summary>
/// Ingests the uploads of the <see cref="UploadChannel"/> as they come, <see cref="Workers"/> at a time,
/// through the same <see cref="StatementIngestor.IngestDeliveryAsync"/> as the Functions app: up to
/// <see cref="Attempts"/> tries, the last of which writes a failed record with the reason. At start it
/// queues every upload that has no record yet (those of a stop or a crash) and asks for every unit to be
/// consolidated (a unit that is up to date costs two listings).
/// </summary>
public sealed partial class IngestionWorker(
    UploadChannel queue,
    StatementIngestor ingestor,
    UnitStatusReader status,
    IStatementStore store,
    IConsolidationScheduler consolidation,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    public const int Attempts = 3;

    /// <summary>Uploads processed at once: one per core, as OCR and parsing are CPU-bound.</summary>
    public static int Workers { get; } = Math.Max(1, Environment.ProcessorCount);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = await status.PendingAsync(stoppingToken);
        var workers = Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)).ToList();
        foreach (var (unitId, fileName) in recovered)
        {
            await queue.UploadedAsync(unitId, fileName, stoppingToken);
        }

        foreach (var unitId in await store.ListUnitsAsync(stoppingToken))
        {
            await consolidation.RequestAsync(unitId, stoppingToken);
        }

        LogStarted(logger, recovered.Count);
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var upload in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await IngestAsync(upload, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued has no record and is queued again at the next start.
        }
    }

    private async Task IngestAsync(PendingUpload upload, CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await ingestor.IngestDeliveryAsync(upload.UnitId, upload.FileName, lastAttempt: attempt == Attempts, stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Transient failures retry after a pause; the last attempt has written a failed record.
                LogAttemptFailed(logger, e, upload.UnitId, attempt);
                if (attempt < Attempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
                }
            }
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Ingestion started; {Recovered} upload(s) without a record queued again")]
    private static partial void LogStarted(ILogger logger, int recovered);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Ingestion in unit {UnitId} failed (attempt {Attempt})")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string unitId, int attempt);
}
