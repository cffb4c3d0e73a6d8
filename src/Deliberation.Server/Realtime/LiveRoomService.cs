using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Realtime;
using Deliberation.Grains.Dialogues;
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
    TimeProvider time)
{
    /// <summary>Beyond this many missed events a snapshot is cheaper to send and apply.</summary>
    public const int MaxCatchUpEvents = 2_000;

    public async Task<JoinResult> JoinAsync(Guid participantId, string connectionId, IGroupManager groups, Guid dialogueId, IReadOnlyDictionary<string, long?> seen)
    {
        var viewer = await ViewerAsync(participantId, dialogueId);
        var dialogue = viewer.Dialogue;
        // Into the group before reading what was missed: an event committed in between arrives twice
        // at worst, and the client drops what it already has by version.
        await groups.AddToGroupAsync(connectionId, AudienceGroup.Name(dialogueId, viewer.Role));
        if (connections.Add(dialogueId, new ConnectedViewer(connectionId, viewer.ParticipantId, viewer.Role), dialogue))
            await observer.SubscribeAsync(dialogueId);

        var versions = await VersionsAsync(dialogue);
        var needsSnapshot = versions.Keys.Any(stream => !seen.TryGetValue(stream, out var v) || v is null)
            || versions.Sum(v => v.Value - (seen[v.Key] ?? 0)) > MaxCatchUpEvents;
        var missed = needsSnapshot ? [] : await MissedAsync(versions.Keys, seen, viewer);
        var present = await presence.ReportAsync(dialogueId);
        var snapshot = needsSnapshot ? await SnapshotAsync(viewer) : null;
        return new JoinResult(snapshot, missed, versions, PresenceVisibility.For(present, dialogue, viewer.Role),
            snapshot?.Consensus ?? await ConsensusAsync(viewer));
    }

    public async Task<IReadOnlyList<StreamEvents>> CatchUpAsync(Guid participantId, Guid dialogueId, IReadOnlyDictionary<string, long?> seen)
    {
        var viewer = await ViewerAsync(participantId, dialogueId);
        return await MissedAsync((await VersionsAsync(viewer.Dialogue)).Keys, seen, viewer);
    }

    public async Task LeaveAsync(string connectionId, IGroupManager groups, Guid dialogueId)
    {
        foreach (var role in Enum.GetValues<Role>())
            await groups.RemoveFromGroupAsync(connectionId, AudienceGroup.Name(dialogueId, role));
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

    private async Task<Viewer> ViewerAsync(Guid participantId, Guid dialogueId)
    {
        var dialogue = await dialogues.GetDialogueAsync(dialogueId) ?? throw new HubException("There is no such dialogue.");
        return Viewer.Of(dialogue, participantId) ?? throw new HubException("You are not a member of this dialogue.");
    }

    /// <summary>Each stream of the dialogue at its current version, as the grains hold it.</summary>
    private async Task<ImmutableDictionary<string, long>> VersionsAsync(DialogueState dialogue)
    {
        var versions = ImmutableDictionary.CreateBuilder<string, long>();
        versions[StreamIds.Dialogue(dialogue.Id)] = dialogue.Version;
        foreach (var reference in dialogue.Statements)
            versions[StreamIds.Statement(reference.Id)] = (await dialogues.GetStatementAsync(dialogue.Id, reference.Id))?.Version ?? 0;
        return versions.ToImmutable();
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

    private async Task<IReadOnlyList<StatementConsensus>> ConsensusAsync(Viewer viewer)
    {
        var consensus = new List<StatementConsensus>();
        foreach (var reference in viewer.Dialogue.Statements)
            consensus.Add(ViewsOf.Consensus(await dialogues.GetConsensusAsync(reference.Id), viewer));
        return consensus;
    }

    private async Task<JoinSnapshot> SnapshotAsync(Viewer viewer)
    {
        var statements = new List<StatementView>();
        var consensus = new List<StatementConsensus>();
        foreach (var reference in viewer.Dialogue.Statements)
        {
            if (await dialogues.GetStatementAsync(viewer.Dialogue.Id, reference.Id) is not { } statement)
                continue;
            statements.Add(ViewsOf.Statement(statement, viewer, viewer.SeesNames));
            consensus.Add(ViewsOf.Consensus(await dialogues.GetConsensusAsync(reference.Id), viewer));
        }
        return new JoinSnapshot(ViewsOf.Dialogue(viewer), statements, consensus);
    }
}
