using System.Collections.Immutable;

namespace Deliberation.Domain.Dialogues;

/// <summary>A dialogue as its events leave it. <see cref="Version"/> is the last applied stream version.</summary>
public sealed record DialogueState(
    Guid Id,
    bool Exists,
    long Version,
    DialogueSettings Settings,
    ImmutableArray<Dimension> Dimensions,
    ConsensusRules Rules,
    Phase Phase,
    ImmutableDictionary<Guid, Member> Roster,
    ImmutableDictionary<string, Guid> Invites,
    ImmutableList<AgendaItem> Agenda,
    Focus? Focus,
    ImmutableList<Guid> SpeakingQueue,
    SessionTimer? Timer,
    ImmutableList<StatementRef> Statements,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    long ConsensusBasisVersion = 0)
{
    // ConsensusBasisVersion: the version of the last event that changed who counts or how (roster,
    // dimensions, rules). Consensus computed on an older basis must be recomputed; a raised hand need not.

    public static DialogueState Initial(Guid id) => new(
        id, false, 0, new DialogueSettings(""), [], ConsensusRules.Standard, Phase.Setup,
        ImmutableDictionary<Guid, Member>.Empty, ImmutableDictionary<string, Guid>.Empty, [], null, [], null, [], null, null);

    public Member? MemberOrNull(Guid participantId) => Roster.GetValueOrDefault(participantId);

    public Dimension? DimensionOrNull(string name) => Dimensions.FirstOrDefault(d => d.Name == name);
}
