namespace Deliberation.Domain.Review;

/// <summary>The kinds of key moment in a statement's history (docs/domain.md, "Review").</summary>
public enum MomentKind
{
    Phase,
    RevisionSubstantive,
    RevisionEditorial,
    AmendmentDecided,
    BracketResolved,
    Release,
    Status,
    Freeze,
    Signature,
    Withdrawal,
    ClauseAdded,
}
