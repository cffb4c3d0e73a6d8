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

    /// <summary>Every session ever started in the dialogue, ended ones included (they count as redemptions).</summary>
    public ImmutableDictionary<Guid, ParticipantSession> Sessions { get; init; } = ImmutableDictionary<Guid, ParticipantSession>.Empty;

    /// <summary>When each live invite stops being redeemable, by code hash.</summary>
    public ImmutableDictionary<string, DateTimeOffset> InviteExpiry { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    public static DialogueState Initial(Guid id) => new(
        id, false, 0, new DialogueSettings(""), [], ConsensusRules.Standard, Phase.Setup,
        ImmutableDictionary<Guid, Member>.Empty, ImmutableDictionary<string, Guid>.Empty, [], null, [], null, [], null, null);

    public Member? MemberOrNull(Guid participantId) => Roster.GetValueOrDefault(participantId);

    /// <summary>
    /// The session when it may act now: not ended, its member still on the roster, and the invite it
    /// came from not revoked. A removed member or a revoked invite ends it without an event of its own.
    /// </summary>
    public ParticipantSession? LiveSessionOrNull(Guid sessionId) =>
        Sessions.TryGetValue(sessionId, out var session)
        && session.EndedAt is null
        && Roster.ContainsKey(session.ParticipantId)
        && (session.InviteHash is null || (Invites.TryGetValue(session.InviteHash, out var holder) && holder == session.ParticipantId))
            ? session
            : null;

    /// <summary>How many sessions an invite has started.</summary>
    public int RedemptionsOf(string codeHash) => Sessions.Values.Count(s => s.InviteHash == codeHash);

    public Dimension? DimensionOrNull(string name) => Dimensions.FirstOrDefault(d => d.Name == name);
}
