namespace SelfReview.Pipeline.Reading;

/// <summary>
/// A budget of <see cref="LimitsOptions"/> was exceeded while reading. Thrown from deep inside streaming
/// readers (a counting stream, an XML walk) where no return value can carry it; the per-file boundary in
/// <see cref="StatementProcessor"/> turns it into a rejected record. Content, never infrastructure: not retried.
/// </summary>
public sealed class LimitExceededException : Exception
{
    public LimitExceededException()
    {
        Code = "too_large";
        Reason = "文件超过处理上限";
    }

    public LimitExceededException(string message)
        : base(message)
    {
        Code = "too_large";
        Reason = message;
    }

    public LimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "too_large";
        Reason = message;
    }

    /// <param name="code">The rejection code (<c>too_large</c>, <c>too_deep</c>, <c>too_long</c> …).</param>
    /// <param name="reason">The reason in Chinese, without the file name (the boundary adds it).</param>
    public LimitExceededException(string code, string reason)
        : base(code)
    {
        Code = code;
        Reason = reason;
    }

    /// <summary>The stable rejection code.</summary>
    public string Code { get; }

    /// <summary>The reason in Chinese, without the file name.</summary>
    public string Reason { get; }
}
