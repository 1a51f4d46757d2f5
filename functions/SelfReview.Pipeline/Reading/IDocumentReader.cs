namespace SelfReview.Pipeline.Reading;

/// <summary>The seam for one input format: bytes in, ordered text blocks out.</summary>
public interface IDocumentReader
{
    /// <summary>Whether this reader handles files of <paramref name="kind"/>.</summary>
    bool CanRead(FileKind kind);

    /// <summary>
    /// Reads the text. Content problems (unreadable, empty, too many pages) are returned as a rejected
    /// outcome; infrastructure failures (a service down) are thrown so the caller can retry.
    /// </summary>
    Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default);
}
