using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;

namespace Deliberation.Contracts.Review;

/// <summary>
/// The statement as it stood at one moment (GET …/review/at): the phase, each clause's text and
/// status, and the matrix this viewer saw then — live figures or the latest release.
/// </summary>
public sealed record ReviewSnapshot(long Moment, DateTimeOffset At, Phase Phase, string Title, ImmutableArray<ReviewClause> Clauses, StatementConsensus Consensus);

/// <summary>A clause at a moment: its text with its bracketed alternatives, revision and status as this viewer saw it.</summary>
public sealed record ReviewClause(
    Guid Id, ClauseKind Kind, string? ExternalId, string Text, ImmutableArray<SlotPart> Slots, int Revision, RevisionKind RevisionKind, bool Withdrawn, ClauseStatus Status);
