namespace SelfReview.Tests.Reading.Ocr;

/// <summary>A request the server received.</summary>
public sealed record ReceivedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body);
