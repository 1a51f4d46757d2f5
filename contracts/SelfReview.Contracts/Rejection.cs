namespace SelfReview.Contracts;

/// <summary>Why an upload was rejected or failed.</summary>
/// <param name="Code">A stable machine code (<c>unsupported_format</c>, <c>legacy_doc</c>, <c>encrypted</c>, <c>empty</c>, <c>not_a_statement</c>, …).</param>
/// <param name="Message">A sentence for people, in Chinese, naming the file and the reason.</param>
public sealed record Rejection(string Code, string Message);
