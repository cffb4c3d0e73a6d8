using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Hubs;

/// <summary>
/// A token bucket per connection: a burst of <c>RateLimits:HubBurst</c> calls, refilled at
/// <c>RateLimits:HubPerSecond</c>. A command over the limit is answered as refused with rule
/// <c>rate.limited</c> and does nothing.
/// </summary>
public sealed class CommandRateLimitFilter(IConfiguration configuration) : IHubFilter
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> buckets = new();
    private readonly int burst = configuration.GetValue("RateLimits:HubBurst", 40);
    private readonly int perSecond = configuration.GetValue("RateLimits:HubPerSecond", 20);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var bucket = buckets.GetOrAdd(context.Context.ConnectionId, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        using var lease = bucket.AttemptAcquire();
        if (lease.IsAcquired)
            return await next(context);
        var refusal = RuleError.Invalid("rate.limited", $"Too many calls: at most {perSecond} a second on one connection.");
        if (context.HubMethod.ReturnType == typeof(Task<CommandOutcome>))
            return CommandOutcome.Refused("", 0, refusal);
        throw new HubException(refusal.Message);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (buckets.TryRemove(context.Context.ConnectionId, out var bucket))
            bucket.Dispose();
        await next(context, exception);
    }
}
