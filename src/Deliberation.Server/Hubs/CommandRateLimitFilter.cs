using System.Threading.RateLimiting;
using Deliberation.Server.Extensions;
using Deliberation.Server.Protection;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Hubs;

/// <summary>
/// A token bucket per person, shared by all her connections: a burst of <c>RateLimits:HubBurst</c>
/// calls, refilled at <c>RateLimits:HubPerSecond</c> (a bucket per connection let one delegate on ten
/// connections send ten times the limit). A command over the limit is answered as refused with rule
/// <c>rate.limited</c> and does nothing; any other method over it fails with a <see cref="HubException"/>.
/// </summary>
public sealed class CommandRateLimitFilter(RateLimitSettings limits) : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> buckets = PartitionedRateLimiter.Create<string, string>(person =>
        RateLimitPartition.GetTokenBucketLimiter(person, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.HubCommandBurstPerPerson,
            TokensPerPeriod = limits.HubCommandsPerSecondPerPerson,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // An unauthenticated connection never gets here ([Authorize]); its connection id is the fallback key.
        var person = context.Context.User?.ParticipantId()?.ToString() ?? context.Context.ConnectionId;
        using var lease = buckets.AttemptAcquire(person);
        if (lease.IsAcquired)
            return await next(context);
        var refusal = RuleError.Invalid(RateLimitRejection.Rule,
            $"Too many calls: at most {limits.HubCommandsPerSecondPerPerson} a second, across all your connections.");
        if (context.HubMethod.ReturnType == typeof(Task<CommandOutcome>))
            return CommandOutcome.Refused("", 0, refusal);
        throw new HubException(refusal.Message);
    }

    public void Dispose() => buckets.Dispose();
}
