namespace Deliberation.Persistence;

/// <summary>A stream's newest version and the chain hash there: what a published record cites.</summary>
public sealed record StreamHead(string StreamId, long Version, string Hash);
