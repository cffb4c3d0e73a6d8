using System.Collections.Immutable;

namespace Deliberation.Contracts.Review;

/// <summary>The kinds of key moment a review's timeline lists (docs/api.md, "Review").</summary>
public static class ReviewKinds
{
    public const string Phase = "phase";
    public const string RevisionSubstantive = "revision-substantive";
    public const string RevisionEditorial = "revision-editorial";
    public const string AmendmentDecided = "amendment-decided";
    public const string BracketResolved = "bracket-resolved";
    public const string Release = "release";
    public const string Status = "status";
    public const string Freeze = "freeze";
    public const string Signature = "signature";
    public const string Withdrawal = "withdrawal";
    public const string ClauseAdded = "clause-added";

    public static readonly ImmutableArray<string> All =
        [Phase, RevisionSubstantive, RevisionEditorial, AmendmentDecided, BracketResolved, Release, Status, Freeze, Signature, Withdrawal, ClauseAdded];
}
