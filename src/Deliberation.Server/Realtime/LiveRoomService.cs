using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.Statements;
using Deliberation.Persistence;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Realtime;

/// <summary>
/// A connection's session in the live room: joining and leaving, catching up, presence and draft
/// previews — the hub's stateful side, kept out of the hub so the hub reads as the list of what a
/// client may say. Callers are named by participant and connection; the hub resolves them.
/// </summary>
public sealed class LiveRoomService(
    DialogueService dialogues,
    IEventStore store,
    IGrainFactory grains,
    NodeConnections connections,
    NodeObserver observer,
    PresenceReporter presence,
    IHistoryIntegrity history,
    ReleasedFiguresSent releasesSent,
    TimeProvider time)
{
    private readonly NextCall<Guid, RoomSnapshot?> snapshots = new();

    /// <summary>Beyond this many missed events a snapshot is cheaper to send and apply.</summary>
    public const int MaxCatchUpEvents = 2_000;

    /// <remarks>
    /// The dialogue's state, to admit only its members to the audience group, then a room snapshot:
    /// the dialogue's state again and each statement's (docs/performance.md, "Grain calls").
    /// With <paramref name="asRoom"/> the connection watches as the room's audience (the projector:
    /// docs/api.md, "WatchAsRoom"): a delegate with no own positions, whoever opened it.
    /// </remarks>
    public async Task<JoinResult> JoinAsync(Guid participantId, string connectionId, IGroupManager groups, Guid dialogueId, IReadOnlyDictionary<string, long?> seen, bool asRoom = false)
    {
        var member = await ViewerAsync(participantId, dialogueId);
        var connection = asRoom ? ConnectedViewer.Room(connectionId, participantId) : new ConnectedViewer(connectionId, participantId, member.Role);
        // Into the group before reading what was missed: an event committed in between arrives twice
        // at worst, and the client drops what it already has by version.
        await groups.AddToGroupAsync(connectionId, AudienceGroup.Of(dialogueId, connection.Role, connectionId));
        if (connections.Add(dialogueId, connection, member.Dialogue))
            await observer.SubscribeAsync(dialogueId);

        var room = await RoomAsync(dialogueId);
        // The snapshot is newer than the admission read: judge what she sees by it.
        var person = Viewer.Of(room.Dialogue, participantId) ?? throw new HubException("You are not a member of this dialogue.");
        var viewer = asRoom ? Viewer.Room(room.Dialogue) : person;
        var versions = DialogueService.VersionsOf(room);
        var needsSnapshot = versions.Keys.Any(stream => !seen.TryGetValue(stream, out var v) || v is null)
            || versions.Sum(v => v.Value - (seen[v.Key] ?? 0)) > MaxCatchUpEvents;
        var missed = needsSnapshot ? [] : await MissedAsync(versions.Keys, seen, viewer);
        var present = await presence.ReportAsync(dialogueId);
        var statements = room.Statements.Where(s => s.State.Exists).ToList();
        IReadOnlyList<StatementConsensus> consensus = [.. statements.Select(s => ViewsOf.Consensus(s.Consensus, s.State, viewer))];
        if (!ConsensusVisibility.SeesLiveFigures(room.Dialogue, viewer.Role))
            foreach (var statement in statements)
                releasesSent.Remember(dialogueId, statement.State, room.Dialogue);
        var snapshot = needsSnapshot
            ? new JoinSnapshot(ViewsOf.Dialogue(viewer), [.. statements.Select(s => ViewsOf.Statement(s.State, viewer, viewer.SeesNames))], consensus)
            : null;
        return new JoinResult(snapshot, missed, versions, PresenceVisibility.For(present, room.Dialogue, viewer.Role), consensus,
            HistoryIntegrityViews.For(history, room.Dialogue));
    }

    /// <remarks>
    /// Reads the dialogue's state, not a room snapshot: the events come from the log, and the state
    /// names the streams and who the caller is. A snapshot asks every statement grain and waits for
    /// the next shared call, which on a loaded node cost a catch-up most of the delivery bound
    /// (docs/architecture.md, "Live fan-out").
    /// </remarks>
    public async Task<IReadOnlyList<StreamEvents>> CatchUpAsync(Guid participantId, string connectionId, Guid dialogueId, IReadOnlyDictionary<string, long?> seen)
    {
        var dialogue = await dialogues.GetDialogueAsync(dialogueId) ?? throw new HubException("There is no such dialogue.");
        var person = Viewer.Of(dialogue, participantId) ?? throw new HubException("You are not a member of this dialogue.");
        // A projector catches up as it joined: as the room.
        var asRoom = connections.In(dialogueId).Any(c => c.ConnectionId == connectionId && c.AsRoom);
        var streams = dialogue.Statements.Select(s => StreamIds.Statement(s.Id)).Prepend(StreamIds.Dialogue(dialogue.Id));
        return await MissedAsync(streams, seen, asRoom ? Viewer.Room(dialogue) : person);
    }

    public async Task LeaveAsync(string connectionId, IGroupManager groups, Guid dialogueId)
    {
        foreach (var role in Enum.GetValues<Role>())
            await groups.RemoveFromGroupAsync(connectionId, AudienceGroup.Of(dialogueId, role, connectionId));
        connections.Leave(dialogueId, connectionId);
        await presence.ReportAsync(dialogueId);
    }

    public async Task DisconnectedAsync(string connectionId)
    {
        foreach (var dialogueId in connections.Remove(connectionId))
            await presence.ReportAsync(dialogueId);
    }

    /// <summary>Relays uncommitted text through the dialogue grain, which checks the drafter may draft.</summary>
    public async Task<CommandOutcome> PreviewDraftAsync(Guid participantId, DraftPreviewRequest request)
    {
        var preview = new DraftPreview(request.DialogueId, request.StatementId, request.ClauseId, request.BaseRevision, request.Text, participantId, time.GetUtcNow());
        var refusal = await grains.GetGrain<IDialogueGrain>(request.DialogueId).PreviewDraftAsync(preview);
        return refusal is null ? CommandOutcome.Ok(StreamIds.Statement(request.StatementId), 0) : CommandOutcome.Refused(StreamIds.Statement(request.StatementId), 0, refusal);
    }

    /// <summary>
    /// Through the dialogue grain, which judges who may remind and how often, and fans the reminder
    /// out to the nodes; the statement is read here and handed over, since that grain never waits on one.
    /// </summary>
    public async Task<ReminderOutcome> RemindStaleAsync(Guid participantId, RemindStaleRequest request)
    {
        var statement = await grains.GetGrain<IStatementGrain>(request.StatementId).GetStateAsync();
        var answer = await grains.GetGrain<IDialogueGrain>(request.DialogueId).RemindStaleAsync(statement, request.ClauseId, participantId);
        return new ReminderOutcome(answer.Refusal is null, answer.Reminded, answer.Refusal);
    }

    private async Task<Viewer> ViewerAsync(Guid participantId, Guid dialogueId)
    {
        var dialogue = await dialogues.GetDialogueAsync(dialogueId) ?? throw new HubException("There is no such dialogue.");
        return Viewer.Of(dialogue, participantId) ?? throw new HubException("You are not a member of this dialogue.");
    }

    private async Task<IReadOnlyList<StreamEvents>> MissedAsync(IEnumerable<string> streams, IReadOnlyDictionary<string, long?> seen, Viewer viewer)
    {
        var missed = new List<StreamEvents>();
        foreach (var stream in streams)
        {
            var events = await store.ReadStreamAsync(stream, seen.TryGetValue(stream, out var v) ? v ?? 0 : 0);
            if (events.Count > 0)
                missed.Add(new StreamEvents(stream, [.. EventLog.ForViewer(events, viewer)]));
        }
        return missed;
    }

    /// <summary>
    /// Read after the caller asked (a joiner is in her audience group by then, so nothing committed
    /// falls between snapshot and pushes), yet shared by the joins that ask meanwhile: every join
    /// asks the same dialogue grain and each of its statements.
    /// </summary>
    private async Task<RoomSnapshot> RoomAsync(Guid dialogueId) =>
        await snapshots.RunAsync(dialogueId, dialogues.GetRoomSnapshotAsync) ?? throw new HubException("There is no such dialogue.");
}
