namespace SelfReview.Pipeline.Access;

/// <summary>
/// Changes the access map safely when several writers may meet (the API, a sign-in's lock-out counter,
/// a <c>keys</c> command): read, change, write if unchanged, otherwise read again.
/// </summary>
public sealed class AccessMapEditor(IAccessStore store)
{
    private const int MaxAttempts = 20;

    /// <summary>Applies <paramref name="change"/> to the current map and stores it; returns the stored map.</summary>
    public async Task<AccessMap> UpdateAsync(Func<AccessMap, AccessMap> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetMapAsync(cancellationToken);
            var next = change(current.Map);
            if (ReferenceEquals(next, current.Map) || await store.PutMapAsync(next, current.ETag, cancellationToken) is not null)
            {
                return next;
            }
        }

        throw new InvalidOperationException($"the access map kept changing during {MaxAttempts} attempts");
    }
}
