namespace Deliberation.Persistence;

/// <summary>
/// An event as stored: <see cref="Position"/> orders events across the streams of a scope.
/// <see cref="Salt"/>, <see cref="Leaf"/> and <see cref="Hash"/> are the event's commitment and its
/// link in the stream's chain, as <see cref="EventHash"/> defines them (lowercase hex each).
/// </summary>
public sealed record StoredEvent(
    long Position,
    string StreamId,
    string Scope,
    long Version,
    string Type,
    string PayloadJson,
    DateTimeOffset OccurredAt,
    string Actor,
    string Hash,
    string Salt,
    string Leaf);
