using System.Collections.Immutable;
using Deliberation.Domain.Consensus;

namespace Deliberation.Domain.Review;

/// <summary>
/// What a key moment or a status change says, as data rather than an English sentence, so each reader
/// gets it in her own language (docs/api.md, "Review"). <see cref="Key"/> names the sentence (one of
/// <see cref="MomentPhraseKeys"/>); <see cref="Clause"/> is the clause's place in the statement (null:
/// a clause no longer placed, or none); <see cref="Args"/> are the sentence's other words as invariant
/// text — enum names for phases, statuses and release triggers, numbers, a signer's name or an option id;
/// <see cref="Changes"/> the groups whose status changed (or, for <see cref="MomentPhraseKeys.GroupStatuses"/>,
/// each group's status) and <see cref="Zone"/> a funding floor's zone of agreement before and after.
/// </summary>
public sealed record MomentPhrase(string Key, int? Clause, ImmutableArray<string> Args, ImmutableArray<GroupStatusChange> Changes, ZoneChange? Zone)
{
    public static MomentPhrase Of(string key, int? clause, params string[] args) => new(key, clause, [.. args], [], null);
}

/// <summary>A group's status before (null: the group was not counted yet) and after.</summary>
public sealed record GroupStatusChange(string Group, ClauseStatus? From, ClauseStatus To);

/// <summary>A funding floor's zone of agreement before and after (empty: none).</summary>
public sealed record ZoneChange(ImmutableArray<ValueInterval> From, ImmutableArray<ValueInterval> To);

/// <summary>The sentences a <see cref="MomentPhrase"/> can be; each is a key of the moment words table.</summary>
public static class MomentPhraseKeys
{
    public const string Phase = nameof(Phase);
    public const string ClauseAdded = nameof(ClauseAdded);
    public const string BracketResolved = nameof(BracketResolved);
    public const string RevisedSubstantive = nameof(RevisedSubstantive);
    public const string RevisedEditorial = nameof(RevisedEditorial);
    public const string AmendmentAccepted = nameof(AmendmentAccepted);
    public const string AmendmentDeclined = nameof(AmendmentDeclined);
    public const string FiguresReleased = nameof(FiguresReleased);
    public const string ClauseWithdrawn = nameof(ClauseWithdrawn);
    public const string StatementFrozen = nameof(StatementFrozen);
    public const string Signed = nameof(Signed);
    public const string SignatureWithdrawn = nameof(SignatureWithdrawn);

    /// <summary>A clause's first standing: its status (Args[0]).</summary>
    public const string StatusFirst = nameof(StatusFirst);

    /// <summary>A clause's status moved from Args[0] to Args[1].</summary>
    public const string StatusChanged = nameof(StatusChanged);

    /// <summary>The clause's status stayed; one group's status or the zone moved (<see cref="MomentPhrase.Changes"/> or <see cref="MomentPhrase.Zone"/>).</summary>
    public const string StatusOneChange = nameof(StatusOneChange);

    /// <summary>The clause's status stayed; Args[0] groups' statuses or zone moved.</summary>
    public const string StatusChanges = nameof(StatusChanges);

    /// <summary>A status change's detail: each group that moved, then the zone.</summary>
    public const string Changes = nameof(Changes);

    /// <summary>A first standing's detail: each group's status (<see cref="GroupStatusChange.To"/>).</summary>
    public const string GroupStatuses = nameof(GroupStatuses);

    public static readonly ImmutableArray<string> All =
    [
        Phase, ClauseAdded, BracketResolved, RevisedSubstantive, RevisedEditorial, AmendmentAccepted, AmendmentDeclined,
        FiguresReleased, ClauseWithdrawn, StatementFrozen, Signed, SignatureWithdrawn,
        StatusFirst, StatusChanged, StatusOneChange, StatusChanges, Changes, GroupStatuses,
    ];
}
