using Deliberation.Domain;
using Deliberation.Persistence;

namespace Deliberation.Grains.EventSourcing;

/// <summary>A stored event decoded into its domain record and meta data.</summary>
public sealed record RecordedEvent(DomainEvent Event, EventMeta Meta, StoredEvent Stored)
{
    public static RecordedEvent Decode(StoredEvent stored) => new(
        DomainJson.DeserializeEvent(stored.Type, stored.PayloadJson),
        new EventMeta(stored.Version, stored.OccurredAt, Guid.TryParse(stored.Actor, out var actor) ? actor : Guid.Empty),
        stored);

    /// <summary>The envelope live clients receive.</summary>
    public Realtime.RecordedEventEnvelope ToEnvelope() =>
        new(Stored.StreamId, Stored.Version, Stored.Position, Stored.OccurredAt, Meta.Actor, Stored.Hash, Event, Stored.Salt, Stored.Leaf);

    public static Realtime.RecordedEventEnvelope Envelope(StoredEvent stored, DomainEvent e) =>
        new(stored.StreamId, stored.Version, stored.Position, stored.OccurredAt, Guid.TryParse(stored.Actor, out var actor) ? actor : Guid.Empty, stored.Hash, e, stored.Salt, stored.Leaf);

    public static EventToAppend Encode(DomainEvent e, Guid actor, DateTimeOffset at) =>
        new(e.EventType, DomainJson.SerializeEventPayload(e), at, actor.ToString());
}
