namespace Deliberation.Persistence;

/// <summary>A stream's state serialized at a version, so a grain need not replay from the start.</summary>
public sealed record Snapshot(string StreamId, long Version, string StateJson, DateTimeOffset TakenAt);

/// <summary>A snapshot whose state was read into a <typeparamref name="T"/> from its stored JSON (<see cref="IEventStore.LoadSnapshotAsync{T}"/>).</summary>
public sealed record SnapshotOf<T>(string StreamId, long Version, T State, DateTimeOffset TakenAt);
