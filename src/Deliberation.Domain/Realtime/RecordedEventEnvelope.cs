namespace Deliberation.Domain.Realtime;

/// <summary>
/// A committed event as it travels to live clients: the event with its stream, version, place in
/// the dialogue's log, time, actor and hash. Redaction per viewer happens at the edge.
/// </summary>
public sealed record RecordedEventEnvelope(
    string StreamId,
    long Version,
    long LogPosition,
    DateTimeOffset OccurredAt,
    Guid Actor,
    string EventHash,
    DomainEvent Event);
