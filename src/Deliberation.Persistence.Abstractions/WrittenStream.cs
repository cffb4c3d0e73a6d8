namespace Deliberation.Persistence;

/// <summary>A stream that holds events, its scope, and the position of its last event.</summary>
public sealed record WrittenStream(string Scope, string StreamId, long LastPosition);
