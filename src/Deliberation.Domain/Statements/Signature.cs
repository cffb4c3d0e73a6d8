namespace Deliberation.Domain.Statements;

/// <summary>A signature bound to the frozen text's hash. Affiliations are for identification only.</summary>
public sealed record Signature(Guid ParticipantId, string Name, string? Affiliation, SignatureCapacity Capacity, string TextHash, DateTimeOffset At);

/// <summary>The statement's text at freezing, and its SHA-256.</summary>
public sealed record FrozenText(string CanonicalText, string Hash, DateTimeOffset At);
