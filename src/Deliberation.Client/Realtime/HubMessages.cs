using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Deliberation.Client.Api;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;

namespace Deliberation.Client.Realtime;

// What the hub at /hubs/dialogue answers and pushes (DESIGN §6).

/// <summary>
/// The answer to JoinDialogue: a snapshot when the client holds nothing (or too little), else the
/// events it missed; and always the consensus as it stands (pushes of it are not replayed).
/// </summary>
public sealed record JoinResult(
    JoinSnapshot? Snapshot,
    IReadOnlyList<StreamEvents> Missed,
    ImmutableDictionary<string, long> Versions,
    PresenceView Presence,
    IReadOnlyList<StatementConsensus>? Consensus);

public sealed record JoinSnapshot(DialogueView Dialogue, IReadOnlyList<StatementView> Statements, IReadOnlyList<StatementConsensus> Consensus);

/// <summary>Events of one stream, each a JSON object with <c>type</c>, <c>version</c>, <c>occurredAt</c> and its fields.</summary>
public sealed record StreamEvents(string StreamId, IReadOnlyList<JsonObject> Events);

/// <summary>The figures of clauses whose consensus moved, redacted for this viewer.</summary>
public sealed record ConsensusUpdate(Guid DialogueId, Guid StatementId, long Version, bool HasConsensus, IReadOnlyList<ClauseConsensus> Clauses);

/// <summary>Who is in the room: names where the viewer may see them, else counts by role and by group.</summary>
public sealed record PresenceView(
    Guid DialogueId,
    int Present,
    ImmutableArray<PresentPerson>? People,
    ImmutableDictionary<string, int> ByRole,
    ImmutableArray<DimensionPresence> ByGroup);

public sealed record PresentPerson(Guid ParticipantId, string DisplayName, Role Role, int Connections);

public sealed record DimensionPresence(string Dimension, ImmutableDictionary<string, int> Groups);
