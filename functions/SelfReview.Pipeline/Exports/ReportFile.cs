namespace SelfReview.Pipeline.Exports;

/// <summary>One rendered report file.</summary>
public sealed record ReportFile(string Name, string ContentType, byte[] Content);
