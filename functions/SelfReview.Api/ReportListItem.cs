namespace SelfReview.Api;

/// <summary>One report file: its name, bytes, when it was written, and where to download it.</summary>
public sealed record ReportListItem(string Name, long Size, DateTimeOffset LastModified, string Location);
