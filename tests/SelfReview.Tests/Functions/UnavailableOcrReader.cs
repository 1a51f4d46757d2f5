using SelfReview.Pipeline.Reading;

namespace SelfReview.Tests.Functions;

/// <summary>
/// Stands for a remote OCR service (Azure Document Intelligence) that is down: the one part of the
/// pipeline that cannot run here. It fails the way a reader must fail for infrastructure — by
/// throwing, so the trigger retries — for every PDF it is given.
/// </summary>
public sealed class UnavailableOcrReader : IDocumentReader
{
    public bool CanRead(FileKind kind) => kind == FileKind.Pdf;

    public Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default) =>
        throw new HttpRequestException("The OCR service answered 503 Service Unavailable.", null, System.Net.HttpStatusCode.ServiceUnavailable);
}
