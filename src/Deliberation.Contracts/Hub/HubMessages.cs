using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Deliberation.Domain.Consensus;
using Deliberation.Contracts.Views;

namespace Deliberation.Contracts.Hub;

/// <summary>
/// Pushed when positions, ranges or text move a clause's figures. <see cref="Pending"/> comes only
/// to release viewers: clauses whose figures are the ones they already hold and only "changes
/// pending" moved — the first change after a release, on every clause, most of what they are told
/// (docs/api.md, "Releases and the room's view").
/// </summary>
public sealed record ConsensusUpdate(
    Guid DialogueId,
    Guid StatementId,
    long Version,
    bool HasConsensus,
    IReadOnlyList<ClauseConsensus> Clauses,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PendingMark>? Pending = null);

/// <summary>A release viewer's clause whose released figures stand as she holds them, now with changes pending or not.</summary>
public sealed record PendingMark(Guid ClauseId, bool ChangesPending);

/// <summary>
/// Who is in the room. Names go only to viewers who may see them; everyone else sees counts by
/// role and by group (groups under k folded).
/// </summary>
public sealed record PresenceView(
    Guid DialogueId,
    int Present,
    ImmutableArray<PresentPerson>? People,
    ImmutableDictionary<string, int> ByRole,
    ImmutableArray<DimensionPresence> ByGroup);

public sealed record PresentPerson(Guid ParticipantId, string DisplayName, Domain.Role Role, int Connections);

public sealed record DimensionPresence(string Dimension, ImmutableDictionary<string, int> Groups);

/// <summary>
/// The answer to JoinDialogue: a snapshot when the client holds nothing (or too little), else the
/// events it missed; and always the consensus as it stands, since pushes of it are not replayed.
/// </summary>
public sealed record JoinResult(
    JoinSnapshot? Snapshot,
    IReadOnlyList<StreamEvents> Missed,
    ImmutableDictionary<string, long> Versions,
    PresenceView Presence,
    IReadOnlyList<StatementConsensus> Consensus,
    HistoryIntegrityView? History = null);

public sealed record JoinSnapshot(DialogueView Dialogue, IReadOnlyList<StatementView> Statements, IReadOnlyList<StatementConsensus> Consensus);

public sealed record StreamEvents(string StreamId, IReadOnlyList<JsonObject> Events);

/// <summary>A drafter's uncommitted text, pushed to the others in the room: show it as a preview, never as the clause.</summary>
public sealed record DraftPreviewView(Guid DialogueId, Guid StatementId, Guid ClauseId, int BaseRevision, string Text, Guid Author, DateTimeOffset At);

/// <summary>
/// The answer to RemindStale: how many were reminded — a count, never who, whatever the mode — or
/// the rule that refused it.
/// </summary>
public sealed record ReminderOutcome(bool Sent, int Reminded, Domain.RuleError? Error);

/// <summary>
/// Pushed only to a delegate whose position on the clause was given on an older revision: the
/// text changed since, so her position no longer counts until she gives it again.
/// </summary>
public sealed record StaleReminderView(Guid DialogueId, Guid StatementId, Guid ClauseId, int ClauseNumber, int Revision, DateTimeOffset At);
