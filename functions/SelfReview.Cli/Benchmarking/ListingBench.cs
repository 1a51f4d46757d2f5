using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Cli.Benchmarking;

/// <summary>
/// <c>bench --listing N --blob CONNECTION</c>: a unit of N statements on Blob Storage (Azurite), listed by
/// <see cref="UnitStatusReader"/> (two listings and the status index) against reading every record, as
/// the listing did before the index, in the same run.
/// </summary>
internal static class ListingBench
{
    public static async Task WriteAsync(StatementProcessor processor, string seedFile, string connectionString, int statements, TextWriter stdout, CancellationToken cancellationToken)
    {
        var store = new BlobStatementStore(new BlobServiceClient(connectionString));
        await store.CreateContainersAsync(cancellationToken);
        var indexer = new UnitStatusIndexer(store, NullLogger<UnitStatusIndexer>.Instance);
        var unit = "bench-listing-" + Guid.NewGuid().ToString("N")[..8];
        var seed = await File.ReadAllBytesAsync(seedFile, cancellationToken);
        var template = await processor.ProcessAsync(seed, Path.GetFileName(seedFile), unit, cancellationToken);

        // N distinct uploads with their records (the seed's record under each upload's id), written 16 at a time.
        var lines = new List<StatusIndexEntry>();
        await Parallel.ForEachAsync(Enumerable.Range(0, statements), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var bytes = seed.Concat(BitConverter.GetBytes(i)).ToArray();
            var id = StatementProcessor.StatementIdOf(bytes);
            var name = string.Create(CultureInfo.InvariantCulture, $"{i:D5}.docx");
            await store.PutUploadAsync(unit, name, bytes, ct);
            var record = template with { StatementId = id, Source = template.Source with { FileName = name, Sha256 = id, Size = bytes.Length } };
            await store.PutRecordAsync(record, ct);
            lock (lines)
            {
                lines.Add(StatusIndexEntry.Of(record));
            }
        });
        await indexer.RecordAsync(unit, lines, cancellationToken);

        var reader = new UnitStatusReader(store, indexer);
        var indexed = new List<double>();
        var everyRecord = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var listed = await reader.ReadAsync(unit, cancellationToken);
            indexed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (listed.Count != statements || listed.Any(u => u.Status == UploadStatus.Pending))
            {
                throw new InvalidOperationException($"the listing shows {listed.Count} statements, {listed.Count(u => u.Status == UploadStatus.Pending)} pending; expected {statements} recorded");
            }

            started = Stopwatch.GetTimestamp();
            await store.ListUploadsAsync(unit, cancellationToken);
            var ids = await store.ListRecordsAsync(unit, cancellationToken);
            await Task.WhenAll(ids.Select(e => store.GetRecordAsync(unit, e.Name, cancellationToken)));
            everyRecord.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var ours = indexed.Order().ElementAt(1);
        var before = everyRecord.Order().ElementAt(1);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"GET …/statements of a {statements:N0}-statement unit on Azurite: {ours:0} ms with the status index (target ≤ 1,000 ms: {(ours <= 1000 ? "met" : "not met")}) vs {before:0} ms reading every record ({before / ours:0.0}×); median of 3; load average {FreshProcessBench.LoadAverage()}"));
    }
}
