using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Hosting;

/// <summary>
/// In Azure, storing the blob is the notification: the statements container raises BlobCreated on the
/// Event Grid system topic, which the deployment delivers to <c>statement-events</c> (infra/bicep). So
/// there is nothing more to send here; an upload put into the container by other means is ingested the same way.
/// </summary>
public sealed class NoUploadNotifier : IUploadNotifier
{
    public ValueTask UploadedAsync(string unitId, string fileName, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
