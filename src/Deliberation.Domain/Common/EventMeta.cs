namespace Deliberation.Domain;

/// <summary>What the store adds to a decided event: its version in the stream, when, and by whom.</summary>
public readonly record struct EventMeta(long Version, DateTimeOffset OccurredAt, Guid Actor);
