using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SelfReview.Tests.Functions;

/// <summary>
/// Storage faults, injected into the app's Blob and Queue clients as an Azure.Core pipeline policy (per
/// retry, so every attempt of the SDK's retry loop is a new draw). Of the failing attempts a third are
/// answered 503 Server Busy without reaching Azurite, a third time out before reaching it, and a third
/// reach it and do their work but lose the response to a time-out: the nasty case, where a write
/// happened and the caller does not know. <see cref="Stop"/> makes every later call fail at once, as
/// the calls of a worker process that was killed.
/// </summary>
public sealed class StorageFaults(double rate, int seed) : HttpPipelinePolicy
{
    private readonly Random _random = new(seed);
    private readonly CallCounter _calls = new();
    private long _attempts, _busy, _timeouts, _lostResponses;
    private volatile bool _stopped;

    /// <summary>The policy to add per call: counts operations, so that retries are attempts less calls.</summary>
    public HttpPipelinePolicy Calls => _calls;

    public long Attempts => Interlocked.Read(ref _attempts);

    public long Retries => Attempts - Interlocked.Read(ref _calls.Count);

    public long Busy => Interlocked.Read(ref _busy);

    public long Timeouts => Interlocked.Read(ref _timeouts);

    public long LostResponses => Interlocked.Read(ref _lostResponses);

    public long Injected => Busy + Timeouts + LostResponses;

    /// <summary>Adds the policies to a client's options (the seam of AddSelfReviewFunctions).</summary>
    public void AddTo(ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(_calls, HttpPipelinePosition.PerCall);
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
    }

    public void Stop() => _stopped = true;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_stopped)
        {
            // Not retriable: the process that made the call is gone.
            throw new InvalidOperationException("The worker was stopped (injected restart).");
        }

        Interlocked.Increment(ref _attempts);
        double draw;
        lock (_random)
        {
            draw = _random.NextDouble();
        }

        if (draw < rate / 3)
        {
            Interlocked.Increment(ref _busy);
            message.Response = new BusyResponse(message.Request.ClientRequestId);
            return;
        }

        if (draw < rate * 2 / 3)
        {
            Interlocked.Increment(ref _timeouts);
            await Task.Delay(TimeSpan.FromMilliseconds(100), message.CancellationToken);
            throw new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout (injected, before the request was sent).");
        }

        await ProcessNextAsync(message, pipeline);
        if (draw < rate)
        {
            Interlocked.Increment(ref _lostResponses);
            throw new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout (injected, after the service did the work).");
        }
    }

    private sealed class CallCounter : HttpPipelineSynchronousPolicy
    {
        public long Count;

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref Count);
    }

    /// <summary>What a storage front end answers when it sheds load.</summary>
    private sealed class BusyResponse(string clientRequestId) : Response
    {
        public override int Status => 503;

        // The transport marks error responses; this one never reaches it, and the retry policy only retries errors.
        public override bool IsError => true;

        public override string ReasonPhrase => "Server Busy";

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = clientRequestId;

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
