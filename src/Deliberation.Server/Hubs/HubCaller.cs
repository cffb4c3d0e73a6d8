using Deliberation.Server.Extensions;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Hubs;

/// <summary>
/// Who is calling the hub in one dialogue: the member of the session her cookie names there.
/// <see cref="SessionHubFilter"/> has checked that session before the hub method runs.
/// </summary>
public static class HubCaller
{
    public static Guid ParticipantOf(HubCallerContext context, Guid dialogueId) =>
        context.User?.SessionIn(dialogueId)?.ParticipantId ?? throw new HubException("Sign in with your invite link first.");
}
