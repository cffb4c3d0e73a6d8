using System.Collections.Immutable;
using Deliberation.Domain.Languages;

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

    /// <summary>When each live invite stops being redeemable, by code hash.</summary>
    public ImmutableDictionary<string, DateTimeOffset> InviteExpiry { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    /// <summary>
    /// Whether the dialogue ever was in a phase that allows positions. From then on its mode only
    /// becomes stricter, so every position is shown under the strictest mode since it was taken.
    /// </summary>
    public bool PositionsOpened { get; init; }

    /// <summary>The agenda item the chair has taken up, or null before the first or after the last.</summary>
    public CurrentAgendaItem? CurrentAgendaItem { get; init; }

    /// <summary>The pinned terms and their agreed renderings, by term id (docs/domain.md, "Glossary").</summary>
    public ImmutableDictionary<Guid, GlossaryTerm> Glossary { get; init; } = ImmutableDictionary<Guid, GlossaryTerm>.Empty;

    public WorkingLanguages Languages => WorkingLanguages.Of(Settings);

    public static DialogueState Initial(Guid id) => new(
        id, false, 0, new DialogueSettings(""), [], ConsensusRules.Standard, Phase.Setup,
        ImmutableDictionary<Guid, Member>.Empty, ImmutableDictionary<string, Guid>.Empty, [], null, [], null, [], null, null);

    public Member? MemberOrNull(Guid participantId) => Roster.GetValueOrDefault(participantId);

    /// <summary>Whether an invite is live and held by this participant: issued to her and not revoked.</summary>
    public bool InviteHeldBy(string codeHash, Guid participantId) =>
        Invites.TryGetValue(codeHash, out var holder) && holder == participantId;

    public Dimension? DimensionOrNull(string name) => Dimensions.FirstOrDefault(d => d.Name == name);
}
