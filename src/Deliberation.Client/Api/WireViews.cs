using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Api;

// The HTTP API's views as docs/api.md describes them. The client reads the wire contract like any
// other client; the domain's own records are used wherever the server sends them unchanged.

/// <summary>A dialogue as a member sees it (GET /api/dialogues/{id}).</summary>
public sealed record DialogueView(
    Guid Id, long Version, DialogueSettings Settings, Phase Phase, ImmutableArray<Dimension> Dimensions, ConsensusRules Rules,
    ImmutableArray<MemberView> Roster, ImmutableList<AgendaItem> Agenda, Focus? Focus, ImmutableList<Guid> SpeakingQueue,
    SessionTimer? Timer, ImmutableList<StatementRef> Statements, MemberView You)
{
    public MemberView? MemberOrNull(Guid participantId) => Roster.FirstOrDefault(m => m.ParticipantId == participantId);
}

public sealed record MemberView(Guid ParticipantId, string DisplayName, string? Affiliation, Role Role, ImmutableDictionary<string, string> Groups);

/// <summary>A statement with each clause's current text and alternatives, and the viewer's own positions.</summary>
public sealed record StatementView(
    Guid Id, Guid DialogueId, string Title, long Version, FrozenView? Frozen, ImmutableArray<ClauseView> Clauses,
    ImmutableArray<Amendment> Amendments, ImmutableArray<Signature> Signatures)
{
    public ClauseView? ClauseOrNull(Guid clauseId) => Clauses.FirstOrDefault(c => c.Id == clauseId);
}

public sealed record FrozenView(string Hash, DateTimeOffset At, string CanonicalText);

public sealed record ClauseView(
    Guid Id, ClauseKind Kind, string? ExternalId, int Revision, int CountingSince, string Text, bool Withdrawn,
    ImmutableArray<SlotPart> Slots, NumericParameter? Parameter, ImmutableArray<RevisionView> Revisions,
    Position? MyPosition, ImmutableDictionary<string, Position> MyOptionPositions, StatedRange? MyRange, bool MyPositionIsStale)
{
    /// <summary>The text of a given revision, or null when the client does not hold it.</summary>
    public string? TextAt(int revision) => Revisions.FirstOrDefault(r => r.Number == revision)?.Text;
}

public sealed record RevisionView(int Number, string Text, DateTimeOffset At, RevisionKind Kind, RevisionSource Source, string? Rationale);

/// <summary>One row of GET /api/dialogues.</summary>
public sealed record DialogueSummary(
    Guid Id, string Title, string Track, string Phase, string Confidentiality, string? Venue,
    DateOnly? StartsOn, DateOnly? EndsOn, int ParticipantCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An invite as the organisers see it: hashed code, whom it signs in, until when.</summary>
public sealed record InviteRecord(string CodeHash, Guid DialogueId, Guid ParticipantId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>The answer to adding a member or reissuing an invite: the one time the code is shown.</summary>
public sealed record IssuedInvite(Guid ParticipantId, string Code, DateTimeOffset ExpiresAt, string Link);

public sealed record CreatedDialogue(Guid Id, long Version, Guid ConvenerId);

public sealed record CreatedStatement(Guid Id, long Version);

public sealed record Me(Guid ParticipantId, string? DisplayName);
