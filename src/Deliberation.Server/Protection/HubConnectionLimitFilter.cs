using Deliberation.Server.Extensions;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Protection;

/// <summary>
/// Holds <see cref="HubConnectionLimit"/> when a connection starts: over the limit it is closed with
/// the reason. Most clients never get this far — <see cref="HubConnectionLimitMiddleware"/> refuses the
/// connection's first request — this catches two connections racing past that check.
/// </summary>
public sealed class HubConnectionLimitFilter(HubConnectionLimit limit) : IHubFilter
{
    private const string CountedKey = "hub-connection-counted";

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.User?.ParticipantId()?.ToString() is { } person)
        {
            if (!limit.TryOpen(person))
                throw new HubException(limit.RefusalMessage);
            context.Context.Items[CountedKey] = person;
        }
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.TryGetValue(CountedKey, out var person) && person is string counted)
                limit.Close(counted);
        }
    }
}
