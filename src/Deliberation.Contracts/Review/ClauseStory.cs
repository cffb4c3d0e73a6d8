using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;

namespace Deliberation.Contracts.Review;

/// <summary>
/// How one clause came to its status (GET …/review/clauses/{cid}/story), as one viewer may see it:
/// its status and each group's over time, its revisions with word diffs, its amendments, when each
/// group first met the rule, what the groups that did not still needed, and for a funding floor the
/// zone of agreement as it moved.
/// </summary>
public sealed record ClauseStory(
    Guid ClauseId,
    ClauseKind Kind,
    string? ExternalId,
    ImmutableArray<StoryPoint> Points,
    ImmutableArray<StoryRevision> Revisions,
    ImmutableArray<StoryAmendment> Amendments,
    ImmutableArray<GroupMilestone> FirstMet,
    ImmutableArray<StoryNeeds> Needs,
    ImmutableArray<FundingZonePoint> FundingZone);

/// <summary>
/// A row's figures from <see cref="Moment"/> on. <see cref="Dimension"/> and <see cref="Group"/> are
/// null for the clause as a whole (its <see cref="Status"/>); a group's status is Agreed when it meets
/// the rule, Pending while all its members are silent, Contested otherwise.
/// </summary>
public sealed record StoryPoint(long Moment, DateTimeOffset At, string? Dimension, string? Group, ClauseStatus Status, double? Share, int Needed);

/// <summary>One revision: what changed (a word diff against the one before), why, and when.</summary>
public sealed record StoryRevision(
    int Number, long Moment, DateTimeOffset At, RevisionKind Kind, RevisionSource Source, string? Rationale, string Text, ImmutableArray<TextSegment> Diff);

/// <summary>An amendment: proposed, then accepted or declined with the chair's reason (or still open).</summary>
public sealed record StoryAmendment(
    Guid Id, long ProposedMoment, DateTimeOffset ProposedAt, string Text, string? Rationale, AmendmentStatus Status, long? DecidedMoment, DateTimeOffset? DecidedAt, string? Reason);

/// <summary>The first moment a group met the rule on this clause.</summary>
public sealed record GroupMilestone(string Dimension, string Group, long Moment, DateTimeOffset At);

/// <summary>At a moment the clause's figures moved and it was not agreed: the groups short of the rule and how many more they needed.</summary>
public sealed record StoryNeeds(long Moment, DateTimeOffset At, ImmutableArray<GroupNeed> Needs);

/// <summary>A funding floor's zone of agreement from <see cref="Moment"/> on; empty while there is none.</summary>
public sealed record FundingZonePoint(long Moment, DateTimeOffset At, ImmutableArray<ValueInterval> Zone, double? BestValue);
