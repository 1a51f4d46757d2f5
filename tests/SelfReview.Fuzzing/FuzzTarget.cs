namespace SelfReview.Fuzzing;

/// <summary>
/// One harness: a piece of the engine that takes untrusted bytes. <see cref="RunAsync"/> returns the
/// size of what it produced (characters of text, or bytes of a record) so the harness can hold it to a
/// budget; an expected rejection is a normal return, anything thrown is a finding.
/// </summary>
/// <param name="Name">The name on the command line and the corpus folder (<c>Corpus/{Name}</c>).</param>
/// <param name="RunAsync">Runs one input; returns the produced size and a short outcome signature (no content).</param>
/// <param name="Budget">The largest produced size allowed for an input of the given length.</param>
public sealed record FuzzTarget(
    string Name,
    Func<ReadOnlyMemory<byte>, CancellationToken, Task<(long Produced, string Signature)>> RunAsync,
    Func<int, long> Budget);
