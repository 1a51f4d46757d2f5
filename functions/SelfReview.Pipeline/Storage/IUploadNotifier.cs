namespace SelfReview.Pipeline.Storage;

/// <summary>
/// The seam between storing an upload and ingesting it. In Azure the store itself raises the
/// BlobCreated event that drives ingestion, so the Functions app's notifier does nothing; on one
/// machine (<c>selfreview serve</c>) it puts the upload on the in-process queue.
/// </summary>
public interface IUploadNotifier
{
    ValueTask UploadedAsync(string unitId, string fileName, CancellationToken cancellationToken = default);
}
