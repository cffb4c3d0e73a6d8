using Deliberation.Domain.History;

namespace Deliberation.Domain.Statements;

/// <summary>A signature bound to the frozen text's hash. Affiliations are for identification only.</summary>
public sealed record Signature(Guid ParticipantId, string Name, string? Affiliation, SignatureCapacity Capacity, string TextHash, DateTimeOffset At);

/// <summary>The statement's text at freezing, its SHA-256, and the history heads the text binds.</summary>
public sealed record FrozenText(string CanonicalText, string Hash, DateTimeOffset At, HistoryHeads? Heads = null);
