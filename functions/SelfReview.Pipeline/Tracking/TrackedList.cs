using SelfReview.Contracts;

namespace SelfReview.Pipeline.Tracking;

/// <summary>The unit's list with its tracking merged in, and each row's entity tag (the tracking document's, or <see cref="RectificationTracker.UntrackedETag"/>).</summary>
public sealed record TrackedList(RectificationList List, IReadOnlyDictionary<string, string> ETags);
