namespace SelfReview.Api.Telemetry;

/// <summary>
/// Stands in an exported log record for the exception that was logged: the original type's name and its stack
/// trace, without its message (which may quote a blob name, a file name or a statement's text), inner
/// exceptions likewise.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string? _stackTrace;

    public RedactedException()
    {
        OriginalType = nameof(Exception);
    }

    public RedactedException(string message)
        : base(message)
    {
        OriginalType = nameof(Exception);
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalType = nameof(Exception);
    }

    private RedactedException(Exception original)
        : base(original.GetType().FullName + ": " + TelemetryRedactor.Redacted, original.InnerException is null ? null : Of(original.InnerException))
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _stackTrace = original.StackTrace is { } trace ? TelemetryRedactor.RedactExceptionText(trace) : null;
        HResult = original.HResult;
    }

    /// <summary>The full name of the exception this one stands for.</summary>
    public string OriginalType { get; }

    /// <inheritdoc />
    public override string? StackTrace => _stackTrace;

    /// <summary>The stand-in for <paramref name="exception"/> (itself when it is one already).</summary>
    public static RedactedException Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception as RedactedException ?? new RedactedException(exception);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Message + (InnerException is null ? "" : " ---> " + InnerException) + (_stackTrace is null ? "" : Environment.NewLine + _stackTrace);
}
