using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Realtime;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;
using Deliberation.Server.Api;
using Deliberation.Server.Extensions;
using Deliberation.Server.Hubs;
using Deliberation.Server.Services;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Joining and leaving the room, catching up, presence and draft previews: the hub's stateful
/// side, kept out of the hub so the hub reads as the list of what a client may say.
/// </summary>
public sealed class RoomService(
    DialogueService dialogues,
    IEventStore store,
    IGrainFactory grains,
    RoomConnections connections,
    HubFanOut fanOut,
    TimeProvider time)
{
    /// <summary>Beyond this many missed events a snapshot is cheaper to send and apply.</summary>
    public const int MaxCatchUpEvents = 2_000;

    public static CommandOutcome Malformed { get; } =
        CommandOutcome.Refused("", 0, RuleError.Invalid("command.malformed", "The request is missing or malformed."));

    public static Guid Caller(HubCallerContext context) =>
        context.User?.ParticipantId() ?? throw new HubException("Sign in with your invite link first.");

    public async Task<JoinResult> JoinAsync(HubCallerContext context, IGroupManager groups, Guid dialogueId, IReadOnlyDictionary<string, long?> seen)
    {
        var (viewer, dialogue) = await ViewerAsync(context, dialogueId);
        // Into the group before reading what was missed: an event committed in between arrives twice
        // at worst, and the client drops what it already has by version.
        await groups.AddToGroupAsync(context.ConnectionId, RoomConnections.Group(dialogueId, viewer.Role));
        if (connections.Add(dialogueId, new RoomConnections.Connection(context.ConnectionId, viewer.ParticipantId, viewer.Role), dialogue))
            await fanOut.SubscribeAsync(dialogueId);

        var versions = await VersionsAsync(dialogue);
        var needsSnapshot = versions.Keys.Any(stream => !seen.TryGetValue(stream, out var v) || v is null)
            || versions.Sum(v => v.Value - (seen[v.Key] ?? 0)) > MaxCatchUpEvents;
        var missed = needsSnapshot ? [] : await MissedAsync(versions.Keys, seen, viewer);
        var presence = await ReportPresenceAsync(dialogueId);
        var snapshot = needsSnapshot ? await SnapshotAsync(viewer) : null;
        return new JoinResult(snapshot, missed, versions, fanOut.PresenceFor(presence, dialogue, viewer.Role),
            snapshot?.Consensus ?? await ConsensusAsync(viewer));
    }

    public async Task<IReadOnlyList<StreamEvents>> CatchUpAsync(HubCallerContext context, Guid dialogueId, IReadOnlyDictionary<string, long?> seen)
    {
        var (viewer, dialogue) = await ViewerAsync(context, dialogueId);
        return await MissedAsync((await VersionsAsync(dialogue)).Keys, seen, viewer);
    }

    public async Task LeaveAsync(HubCallerContext context, IGroupManager groups, Guid dialogueId)
    {
        foreach (var role in Enum.GetValues<Role>())
            await groups.RemoveFromGroupAsync(context.ConnectionId, RoomConnections.Group(dialogueId, role));
        connections.Leave(dialogueId, context.ConnectionId);
        await ReportPresenceAsync(dialogueId);
    }

    public async Task DisconnectedAsync(HubCallerContext context)
    {
        foreach (var dialogueId in connections.Remove(context.ConnectionId))
            await ReportPresenceAsync(dialogueId);
    }

    public async Task<CommandOutcome> PreviewDraftAsync(HubCallerContext context, DraftPreviewRequest? request)
    {
        if (request is null || request.Text is null)
            return Malformed;
        var preview = new DraftPreview(request.DialogueId, request.StatementId, request.ClauseId, request.BaseRevision, request.Text, Caller(context), time.GetUtcNow());
        var refusal = await grains.GetGrain<IDialogueGrain>(request.DialogueId).PreviewDraftAsync(preview);
        return refusal is null ? CommandOutcome.Ok(StreamIds.Statement(request.StatementId), 0) : CommandOutcome.Refused(StreamIds.Statement(request.StatementId), 0, refusal);
    }

    /// <summary>Tells the dialogue grain who is connected through this node; the grain pushes the merged list.</summary>
    public Task<Presence> ReportPresenceAsync(Guid dialogueId) =>
        grains.GetGrain<IDialogueGrain>(dialogueId).ReportPresenceAsync(connections.NodeId, connections.PresenceOf(dialogueId));

    private async Task<(Viewer Viewer, DialogueState Dialogue)> ViewerAsync(HubCallerContext context, Guid dialogueId)
    {
        var participant = Caller(context);
        var dialogue = await dialogues.GetDialogueAsync(dialogueId) ?? throw new HubException("There is no such dialogue.");
        var member = dialogue.MemberOrNull(participant) ?? throw new HubException("You are not a member of this dialogue.");
        return (new Viewer(participant, member, dialogue), dialogue);
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
        var audience = new EventLog.Audience(viewer.Role, viewer.Dialogue.Settings.Confidentiality, viewer.ParticipantId);
        var missed = new List<StreamEvents>();
        foreach (var stream in streams)
        {
            var events = await store.ReadStreamAsync(stream, seen.TryGetValue(stream, out var v) ? v ?? 0 : 0);
            if (events.Count > 0)
                missed.Add(new StreamEvents(stream, [.. events
                    .Select(e => EventLog.Render(RecordedEvent.Envelope(e, Domain.DomainJson.DeserializeEvent(e.Type, e.PayloadJson)), audience))]));
        }
        return missed;
    }

    private async Task<IReadOnlyList<Domain.Consensus.StatementConsensus>> ConsensusAsync(Viewer viewer)
    {
        var consensus = new List<Domain.Consensus.StatementConsensus>();
        foreach (var reference in viewer.Dialogue.Statements)
            consensus.Add(ViewsOf.Consensus(await dialogues.GetConsensusAsync(reference.Id), viewer));
        return consensus;
    }

    private async Task<JoinSnapshot> SnapshotAsync(Viewer viewer)
    {
        var statements = new List<StatementView>();
        var consensus = new List<Domain.Consensus.StatementConsensus>();
        var seesNames = Domain.Consensus.ConsensusRedaction.SeesNames(viewer.Dialogue.Settings.Confidentiality, viewer.Role);
        foreach (var reference in viewer.Dialogue.Statements)
        {
            if (await dialogues.GetStatementAsync(viewer.Dialogue.Id, reference.Id) is not { } statement)
                continue;
            statements.Add(ViewsOf.Statement(statement, viewer, seesNames));
            consensus.Add(ViewsOf.Consensus(await dialogues.GetConsensusAsync(reference.Id), viewer));
        }
        return new JoinSnapshot(ViewsOf.Dialogue(viewer), statements, consensus);
    }
}
