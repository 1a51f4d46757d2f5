namespace SelfReview.Tests.Reading.Ocr;

/// <summary>An answer to send: status, JSON body, headers.</summary>
public sealed record Reply(int Status, string? Json = null, IReadOnlyDictionary<string, string>? Headers = null);
