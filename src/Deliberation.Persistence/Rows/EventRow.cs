namespace Deliberation.Persistence.Rows;

/// <summary>One row of the Events table; <see cref="StoredEvent"/> is its public face.</summary>
internal sealed class EventRow
{
    public long Position { get; set; }
    public string StreamId { get; set; } = "";
    public string Scope { get; set; } = "";
    public long Version { get; set; }
    public string Type { get; set; } = "";
    public string PayloadJson { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public string Actor { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>Empty only on rows written before salted commitments, until the start-up migration re-chains them.</summary>
    public string Salt { get; set; } = "";

    public string Leaf { get; set; } = "";

    public StoredEvent ToStoredEvent() =>
        new(Position, StreamId, Scope, Version, Type, PayloadJson, OccurredAt, Actor, Hash, Salt, Leaf);
}
