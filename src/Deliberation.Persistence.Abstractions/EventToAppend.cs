namespace Deliberation.Persistence;

/// <summary>An event a grain has decided, before the store gives it a version and a hash.</summary>
public sealed record EventToAppend(string Type, string PayloadJson, DateTimeOffset OccurredAt, string Actor);
