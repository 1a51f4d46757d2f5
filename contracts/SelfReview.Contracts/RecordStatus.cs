using System.Text.Json.Serialization;

namespace SelfReview.Contracts;

/// <summary>Whether a statement was taken in. A rejected or failed upload still gets a record.</summary>
public enum RecordStatus
{
    /// <summary>The upload is a statement and its structure was extracted.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,

    /// <summary>The upload was read but is not a usable statement (format, content); see <see cref="StatementRecord.Rejection"/>.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,

    /// <summary>Processing kept failing for infrastructure reasons; the upload is kept and can be reprocessed.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
