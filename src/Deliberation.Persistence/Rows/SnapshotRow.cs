namespace Deliberation.Persistence.Rows;

/// <summary>The newest snapshot of one stream.</summary>
internal sealed class SnapshotRow
{
    public string StreamId { get; set; } = "";
    public long Version { get; set; }
    public string StateJson { get; set; } = "";
    public DateTimeOffset TakenAt { get; set; }

    public Snapshot ToSnapshot() => new(StreamId, Version, StateJson, TakenAt);
}
