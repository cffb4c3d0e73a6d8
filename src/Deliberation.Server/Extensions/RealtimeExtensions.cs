using Microsoft.AspNetCore.SignalR;
using Deliberation.Server.Hubs;
using Deliberation.Server.Realtime;

namespace Deliberation.Server.Extensions;

public static class RealtimeExtensions
{
    public const string HubPath = "/hubs/dialogue";

    /// <summary>SignalR with the domain's JSON, bounded messages, a rate limit per connection, and this node's fan-out.</summary>
    public static void AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CommandRateLimitFilter>();
        builder.Services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = 64 * 1024;
                options.AddFilter<CommandRateLimitFilter>();
            })
            .AddJsonProtocol(options => ServiceExtensions.CopyDomainJson(options.PayloadSerializerOptions));
        builder.Services.AddSingleton<RoomConnections>();
        builder.Services.AddSingleton<HubFanOut>();
        builder.Services.AddSingleton<RoomService>();
        builder.Services.AddHostedService<RoomSubscriptionRenewal>();
    }

    public static void MapDialogueHub(this WebApplication app) => app.MapHub<DialogueHub>(HubPath);
}
