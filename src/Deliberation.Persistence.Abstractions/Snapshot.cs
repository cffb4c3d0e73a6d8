namespace Deliberation.Persistence;

/// <summary>A stream's state serialized at a version, so a grain need not replay from the start.</summary>
public sealed record Snapshot(string StreamId, long Version, string StateJson, DateTimeOffset TakenAt);
