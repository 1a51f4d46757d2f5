using System.Text.Json.Serialization;

namespace SelfReview.Pipeline.Storage;

/// <summary>Where an upload stands: its record's status, or pending while it has none yet.</summary>
public enum UploadStatus
{
    /// <summary>Uploaded; the record is not written yet.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    [JsonStringEnumMemberName("accepted")] Accepted,

    [JsonStringEnumMemberName("rejected")] Rejected,

    [JsonStringEnumMemberName("failed")] Failed,
}
