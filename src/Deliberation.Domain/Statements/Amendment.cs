namespace Deliberation.Domain.Statements;

public enum AmendmentStatus { Proposed, Accepted, Declined }

/// <summary>New text for a clause proposed by a delegate; the rapporteur accepts or declines it, with a reason kept in history.</summary>
public sealed record Amendment(
    Guid Id,
    Guid ClauseId,
    Guid ProposedBy,
    int BaseRevision,
    string Text,
    string? Rationale,
    DateTimeOffset ProposedAt,
    AmendmentStatus Status,
    string? Reason,
    int? ResultingRevision);
