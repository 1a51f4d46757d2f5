using System.Threading.Channels;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Cli.Serving;

/// <summary>
/// The in-process queue that plays the part of Event Grid and the <c>statement-events</c> queue on one
/// machine: bounded, so a flood of uploads waits for room (back-pressure on the upload request) instead
/// of growing memory. An upload is stored before it is queued, so a stop loses nothing: uploads without a
/// record are found again at the next start (<see cref="IngestionWorker"/>).
/// </summary>
public sealed class UploadChannel : IUploadNotifier
{
    public const int Capacity = 256;

    private readonly Channel<PendingUpload> _channel = Channel.CreateBounded<PendingUpload>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
    });

    public ChannelReader<PendingUpload> Reader => _channel.Reader;

    public ValueTask UploadedAsync(string unitId, string fileName, CancellationToken cancellationToken = default) =>
        _channel.Writer.WriteAsync(new PendingUpload(unitId, fileName), cancellationToken);
}
