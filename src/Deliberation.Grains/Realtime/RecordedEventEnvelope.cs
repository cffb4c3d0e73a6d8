using Deliberation.Domain;

namespace Deliberation.Grains.Realtime;

/// <summary>
/// A committed event as it travels from its grain to the nodes with live clients: the event with its
/// stream, version, place in the dialogue's log, time, actor, chain hash, salt and leaf. Each node
/// renders it per viewer (src/Deliberation.Server/Visibility) before anything leaves the server: the
/// salt only to a viewer who may see the event whole.
/// </summary>
[GenerateSerializer, Immutable, Alias("Deliberation.RecordedEventEnvelope")]
public sealed record RecordedEventEnvelope(
    [property: Id(0)] string StreamId,
    [property: Id(1)] long Version,
    [property: Id(2)] long LogPosition,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] Guid Actor,
    [property: Id(5)] string EventHash,
    [property: Id(6)] DomainEvent Event,
    [property: Id(7)] string Salt,
    [property: Id(8)] string Leaf);
