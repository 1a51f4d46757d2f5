using Azure.Core;
using Azure.Core.Pipeline;

namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>Authenticates with a resource key in the <c>Ocp-Apim-Subscription-Key</c> header (local use only).</summary>
internal sealed class SubscriptionKeyPolicy(string key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", key);
}
