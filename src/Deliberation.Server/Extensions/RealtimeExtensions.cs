using Microsoft.AspNetCore.SignalR;
using Deliberation.Server.Hubs;
using Deliberation.Server.Realtime;
using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Extensions;

public static class RealtimeExtensions
{
    public const string HubPath = "/hubs/dialogue";

    /// <summary>SignalR with the domain's JSON, bounded messages, a rate limit per connection, and this node's fan-out.</summary>
    public static void AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CommandRateLimitFilter>();
        builder.Services.AddSingleton<SessionHubFilter>();
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddSingleton<SessionEnforcer>();
        builder.Services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = 64 * 1024;
                options.AddFilter<CommandRateLimitFilter>();
                // Every call's session is checked against the dialogue as it is now (docs/security.md).
                options.AddFilter<SessionHubFilter>();
            })
            .AddJsonProtocol(options =>
            {
                ServiceExtensions.CopyDomainJson(options.PayloadSerializerOptions);
                // What every join answer in a room shares is serialized once (docs/performance.md, "Joining").
                SharedJson.ApplyTo(options.PayloadSerializerOptions);
            });
        builder.Services.AddSingleton<NodeConnections>();
        builder.Services.AddSingleton<PacedFanOut>();
        builder.Services.AddSingleton<PushSender>();
        builder.Services.AddSingleton<ReleasedFiguresSent>();
        builder.Services.AddSingleton<PushMetrics>();
        builder.Services.AddSingleton<OutboxRegistry>();
        builder.Services.AddSingleton<NodeObserver>();
        builder.Services.AddSingleton<PresenceReporter>();
        builder.Services.AddSingleton<PresencePushes>();
        builder.Services.AddSingleton<LiveRoomService>();
        builder.Services.Configure<RoomTimings>(builder.Configuration.GetSection("Realtime"));
        builder.Services.AddHostedService<SubscriptionRenewal>();
        builder.Services.AddHostedService<RoomHeartbeats>();
        builder.Services.AddHostedService<NodeLossRecovery>();
        // Tells the rooms when this node's history checks (IHistoryIntegrity, registered with the store) change.
        builder.Services.AddHostedService<HistoryIntegrityWatcher>();
    }

    public static void MapDialogueHub(this WebApplication app) => app.MapHub<DialogueHub>(HubPath);
}
