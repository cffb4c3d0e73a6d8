using Deliberation.Server.Extensions;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Hubs;

/// <summary>Who is calling the hub: the participant her invite cookie signed in.</summary>
public static class HubCaller
{
    public static Guid ParticipantOf(HubCallerContext context) =>
        context.User?.ParticipantId() ?? throw new HubException("Sign in with your invite link first.");
}
