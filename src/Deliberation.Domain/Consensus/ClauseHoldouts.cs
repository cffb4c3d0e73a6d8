using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// The chair's view of one clause (docs/consensus.md, "Holdouts"): who holds out and why, and what
/// each group still needs. <see cref="Named"/> says whether this viewer may see who said what
/// (<see cref="ConsensusRedaction.SeesNames"/>): then <see cref="People"/> lists each holdout with
/// her note; otherwise <see cref="People"/> is empty and <see cref="Notes"/> holds only the notes
/// the room was last shown, sorted, so neither order nor timing ties a note to a person.
/// </summary>
/// <param name="Stale">Voters whose position (on the clause or one of its options) was given on an older revision.</param>
/// <param name="Needs">Groups that do not meet the rule, from the figures this viewer may see.</param>
public sealed record ClauseHoldouts(
    Guid ClauseId,
    int Revision,
    bool Named,
    ImmutableArray<Holdout> People,
    ImmutableArray<string> Notes,
    int Stale,
    ImmutableArray<GroupNeed> Needs);

/// <summary>
/// One person holding out: an Oppose or Block on the current text, or any position given on an
/// older revision (<see cref="Stale"/>), which no longer counts. <see cref="OptionId"/> names the
/// bracket option the position is on, null for the clause itself.
/// </summary>
public sealed record Holdout(Guid ParticipantId, string Name, string? OptionId, PositionKind Kind, int Revision, bool Stale, string? Note);

/// <summary>A group that does not meet the rule, and how many more supporters it needs.</summary>
public sealed record GroupNeed(string Dimension, string Group, int Members, int Needed, ImmutableArray<string> FoldedGroups);
