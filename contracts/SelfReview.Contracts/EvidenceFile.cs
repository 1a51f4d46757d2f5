namespace SelfReview.Contracts;

/// <summary>One evidence file (佐证材料) of a row: <c>tracking/{unitId}/evidence/{rowId}/{name}</c>.</summary>
public sealed record EvidenceFile
{
    /// <summary>The file name as stored (the uploaded name).</summary>
    public required string Name { get; init; }

    public required long Size { get; init; }

    /// <summary>The media type sniffed from the bytes (never the one the client claimed).</summary>
    public required string MediaType { get; init; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public required string Sha256 { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string By { get; init; }
}
