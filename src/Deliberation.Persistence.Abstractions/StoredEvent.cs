namespace Deliberation.Persistence;

/// <summary>An event as stored: <see cref="Position"/> orders events across the streams of a scope.</summary>
public sealed record StoredEvent(
    long Position,
    string StreamId,
    string Scope,
    long Version,
    string Type,
    string PayloadJson,
    DateTimeOffset OccurredAt,
    string Actor,
    string Hash);
