namespace SelfReview.Pipeline.Reading;

/// <summary>A reader's result: a document, or the reason there is none.</summary>
public sealed record ReadOutcome
{
    private ReadOutcome(TextDocument? document, string? code, string? reason)
    {
        Document = document;
        RejectionCode = code;
        RejectionReason = reason;
    }

    public TextDocument? Document { get; }

    /// <summary>A stable code (<c>unreadable</c>, <c>ocr_unavailable</c>, …) when rejected.</summary>
    public string? RejectionCode { get; }

    /// <summary>The reason in Chinese, without the file name (the caller adds it).</summary>
    public string? RejectionReason { get; }

    public static ReadOutcome Read(TextDocument document) => new(document, null, null);

    public static ReadOutcome Rejected(string code, string reason) => new(null, code, reason);
}
