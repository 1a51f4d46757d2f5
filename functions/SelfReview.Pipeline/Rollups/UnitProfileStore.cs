using System.Text.Json;
using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Pipeline.Rollups;

/// <summary>
/// A unit's profile (<see cref="UnitProfile"/>: its parent unit) at <c>tracking/{unitId}/unit.json</c>, on
/// either store. It lives with the tracking data because people set it and nothing derives it.
/// </summary>
public sealed class UnitProfileStore(IStatementStore store)
{
    public const string Name = "unit.json";

    /// <summary>How far up a new parent's chain is followed to refuse a loop (deeper trees than this are not offices).</summary>
    public const int MaxDepth = 64;

    /// <summary>The unit's profile, or null when none was written (or it cannot be read).</summary>
    public async Task<UnitProfile?> GetAsync(string unitId, CancellationToken cancellationToken = default)
    {
        var file = await store.GetTrackingAsync(unitId, Name, cancellationToken);
        try
        {
            return file is null ? null : SelfReviewJson.Deserialize(file.Content, SelfReviewJson.UnitProfile);
        }
        catch (JsonException)
        {
            return null; // a hand-edited document: the unit counts as having no parent
        }
    }

    /// <summary>
    /// Sets (or, with null, clears) the unit's parent. Refused when the id is invalid, names the unit itself,
    /// or when the parent's own chain of parents leads back to the unit (a loop). Rollups still guard
    /// against loops, since two people changing two units at once can make one.
    /// </summary>
    public async Task<ParentOutcome> SetParentAsync(string unitId, string? parent, CancellationToken cancellationToken = default)
    {
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return new ParentOutcome.Refused(unitError);
        }

        if (parent is not null)
        {
            if (StorageLayout.UnitIdError(parent) is { } parentError)
            {
                return new ParentOutcome.Refused("上级单位标识无效：" + parentError);
            }

            if (parent == unitId)
            {
                return new ParentOutcome.Refused("上级单位不能是本单位");
            }

            var above = parent;
            for (var depth = 0; depth < MaxDepth && above is not null; depth++)
            {
                above = (await GetAsync(above, cancellationToken))?.Parent;
                if (above == unitId)
                {
                    return new ParentOutcome.Refused($"单位“{parent}”已在“{unitId}”之下，设为上级单位会形成循环");
                }
            }
        }

        var profile = (await GetAsync(unitId, cancellationToken) ?? new UnitProfile { UnitId = unitId }) with { UnitId = unitId, Parent = parent };
        await store.PutTrackingAsync(unitId, Name, ReportFormats.JsonType, SelfReviewJson.Serialize(profile, SelfReviewJson.UnitProfile), WriteCondition.Always, cancellationToken);
        return new ParentOutcome.Changed(profile);
    }
}
