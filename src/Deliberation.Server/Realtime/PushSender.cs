using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Server.Hubs;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Sends what the grains published to this node's connections through the hub context: each push
/// rendered once per role by the visibility module and sent to that role's group. Keeps the node's
/// copy of the dialogue current when the roster or the mode changes, since rendering depends on both.
/// </summary>
public sealed class PushSender(IHubContext<DialogueHub, IDialogueClient> hub, NodeConnections connections, DialogueService dialogues)
{
    public async Task SendAsync(Guid dialogueId, PushBatch batch)
    {
        foreach (var events in batch.Events)
            await SendEventsAsync(dialogueId, events);
        foreach (var delta in batch.Consensus)
            await SendConsensusAsync(dialogueId, delta);
    }

    public async Task SendPresenceAsync(Presence presence)
    {
        if (connections.DialogueOf(presence.DialogueId) is not { } dialogue)
            return;
        foreach (var (role, view) in PushRendering.Presence(presence, dialogue, connections.In(presence.DialogueId).Select(c => c.Role)))
            await hub.Clients.Group(AudienceGroup.Name(presence.DialogueId, role)).PresenceChanged(view);
    }

    /// <summary>To everyone in the dialogue but the drafter's own connections.</summary>
    public async Task SendDraftPreviewAsync(DraftPreview preview)
    {
        var local = connections.In(preview.DialogueId);
        var author = local.Where(c => c.ParticipantId == preview.Author).Select(c => c.ConnectionId).ToList();
        var view = ViewsOf.DraftPreview(preview);
        foreach (var role in local.Select(c => c.Role).Distinct())
            await hub.Clients.GroupExcept(AudienceGroup.Name(preview.DialogueId, role), author).DraftPreview(view);
    }

    private async Task SendEventsAsync(Guid dialogueId, IReadOnlyList<RecordedEventEnvelope> events)
    {
        if (events.Any(e => e.Event is MemberAdded or MemberUpdated or MemberRemoved or DialogueSettingsChanged))
            await RefreshDialogueAsync(dialogueId);
        foreach (var delivery in PushRendering.Events(events, connections.In(dialogueId), connections.ModeOf(dialogueId)))
        {
            var clients = delivery switch
            {
                RoleDelivery toRole => hub.Clients.GroupExcept(AudienceGroup.Name(dialogueId, toRole.Role), toRole.ExceptConnections),
                PersonalDelivery toOne => hub.Clients.Client(toOne.ConnectionId),
                _ => throw new InvalidOperationException($"Unknown delivery {delivery.GetType().Name}."),
            };
            await clients.EventsAppended(delivery.StreamId, delivery.Events);
        }
    }

    private async Task SendConsensusAsync(Guid dialogueId, ConsensusDelta delta)
    {
        if (connections.DialogueOf(dialogueId) is not { } dialogue)
            return;
        foreach (var (role, update) in PushRendering.Consensus(dialogueId, delta.AsConsensus(), dialogue, connections.In(dialogueId).Select(c => c.Role)))
            await hub.Clients.Group(AudienceGroup.Name(dialogueId, role)).ConsensusChanged(update);
    }

    private async Task RefreshDialogueAsync(Guid dialogueId)
    {
        if (await dialogues.GetDialogueAsync(dialogueId) is { } dialogue)
            connections.Remember(dialogueId, dialogue);
    }
}
