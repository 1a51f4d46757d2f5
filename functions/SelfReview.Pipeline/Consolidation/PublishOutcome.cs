namespace SelfReview.Pipeline.Consolidation;

/// <summary>What one consolidation run of a unit did.</summary>
public enum PublishOutcome
{
    /// <summary>The reports were recomputed from every record and written.</summary>
    Published,

    /// <summary>The reports already reflect exactly the unit's current records: nothing was written (a burst coalesced).</summary>
    UpToDate,

    /// <summary>The unit has no records yet.</summary>
    NoRecords,

    /// <summary>Another run wrote a report file while this one ran: this run stopped; the unit needs another run.</summary>
    Superseded,

    /// <summary>Records arrived or changed during the run: what was written may miss them; the unit needs another run.</summary>
    RecordsChanged,
}
