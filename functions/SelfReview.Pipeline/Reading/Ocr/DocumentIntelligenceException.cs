namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// Azure AI Document Intelligence failed for a reason that is not the file's: the service reported an
/// infrastructure or configuration error, the operation was cancelled or ran out of time, or the
/// answer did not follow the documented format. Thrown, so that the trigger retries.
/// </summary>
public sealed class DocumentIntelligenceException : Exception
{
    public DocumentIntelligenceException()
    {
    }

    public DocumentIntelligenceException(string message)
        : base(message)
    {
    }

    public DocumentIntelligenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocumentIntelligenceException(string message, string? errorCode)
        : base(message) => ErrorCode = errorCode;

    /// <summary>The service's error code (error.code, or the innermost innererror.code), when it sent one.</summary>
    public string? ErrorCode { get; }
}
