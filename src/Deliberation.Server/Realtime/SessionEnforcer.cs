using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Server.Extensions;
using Deliberation.Server.Hubs;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Makes a roster or invite change reach live connections on this node before anything else is
/// pushed to them (docs/security.md, "Sessions"): a connection whose session ended — member
/// removed, invite revoked — is closed; one whose member changed role is moved to
/// the new role's audience group, so a demoted facilitator stops receiving what facilitators see.
/// </summary>
public sealed class SessionEnforcer(
    DialogueService dialogues,
    NodeConnections connections,
    LiveConnections live,
    IHubContext<DialogueHub, IDialogueClient> hub,
    ILogger<SessionEnforcer> logger)
{
    /// <summary>Whether the events may end a session or change a role.</summary>
    public static bool Concerns(IReadOnlyList<RecordedEventEnvelope> events) =>
        events.Any(e => e.Event is MemberRemoved or MemberUpdated or InviteRevoked);

    public async Task EnforceAsync(Guid dialogueId)
    {
        if (connections.CountIn(dialogueId) == 0 || await dialogues.GetDialogueAsync(dialogueId) is not { } dialogue)
            return;
        connections.Remember(dialogueId, dialogue);
        foreach (var connection in connections.In(dialogueId))
        {
            var context = live.Find(connection.ConnectionId);
            var claim = context?.User?.SessionIn(dialogueId);
            if (claim is null || SessionCheck.Admit(dialogue, null, claim) is not null)
            {
                await CloseAsync(dialogueId, connection, context);
                continue;
            }
            var role = dialogue.Roster[claim.ParticipantId].Role;
            // The projector shows the room's audience whatever the role of whoever opened it.
            if (!connection.AsRoom && role != connection.Role)
                await MoveAsync(dialogueId, connection, role, dialogue);
        }
    }

    private async Task CloseAsync(Guid dialogueId, ConnectedViewer connection, HubCallerContext? context)
    {
        // Out of the group first: a push already on its way must not reach her before the close does.
        await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, AudienceGroup.Of(dialogueId, connection.Role, connection.ConnectionId));
        connections.Leave(dialogueId, connection.ConnectionId);
        context?.Abort();
        logger.LogInformation("Closed connection {Connection} in dialogue {Dialogue}: its session ended.", connection.ConnectionId, dialogueId);
    }

    private async Task MoveAsync(Guid dialogueId, ConnectedViewer connection, Role role, DialogueState dialogue)
    {
        await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, AudienceGroup.Of(dialogueId, connection.Role, connection.ConnectionId));
        connections.Add(dialogueId, connection with { Role = role }, dialogue);
        await hub.Groups.AddToGroupAsync(connection.ConnectionId, AudienceGroup.Of(dialogueId, role, connection.ConnectionId));
    }
}
