using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;

namespace Deliberation.Contracts.Views;

// The HTTP API's views (docs/api.md): what the server sends, what the browser client reads. The
// domain's own records are used wherever the server sends them unchanged.

/// <summary>A dialogue as a member sees it (GET /api/dialogues/{id}).</summary>
public sealed record DialogueView(
    Guid Id, long Version, DialogueSettings Settings, Phase Phase, ImmutableArray<Dimension> Dimensions, ConsensusRules Rules,
    ImmutableArray<MemberView> Roster, ImmutableList<AgendaItem> Agenda, Focus? Focus, ImmutableList<Guid> SpeakingQueue,
    SessionTimer? Timer, ImmutableList<StatementRef> Statements, MemberView You)
{
    /// <summary>The agenda item the room is on, and since when; null when none is.</summary>
    public CurrentAgendaItem? CurrentAgendaItem { get; init; }

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

/// <summary>The frozen text, its hash, and the history heads the text binds (null for texts frozen before heads were bound).</summary>
public sealed record FrozenView(string Hash, DateTimeOffset At, string CanonicalText, HistoryHeads? Heads = null);

public sealed record ClauseView(
    Guid Id, ClauseKind Kind, string? ExternalId, int Revision, int CountingSince, string Text, bool Withdrawn,
    ImmutableArray<SlotPart> Slots, NumericParameter? Parameter, ImmutableArray<RevisionView> Revisions,
    Position? MyPosition, ImmutableDictionary<string, Position> MyOptionPositions, StatedRange? MyRange, bool MyPositionIsStale)
{
    /// <summary>The text of a given revision, or null when the client does not hold it.</summary>
    public string? TextAt(int revision) => Revisions.FirstOrDefault(r => r.Number == revision)?.Text;
}

public sealed record RevisionView(int Number, string Text, DateTimeOffset At, RevisionKind Kind, RevisionSource Source, string? Rationale);
