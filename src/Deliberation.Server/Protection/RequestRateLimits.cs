using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Deliberation.Server.Protection;

/// <summary>
/// Requests per address and per person, both counted on every request (a chained limiter): a new
/// session does not reset the person's count, and many people do not share one person's.
/// Imports have a policy of their own, per address.
/// </summary>
public static class RequestRateLimits
{
    public const string ImportPolicy = "imports";

    public static void Configure(RateLimiterOptions options, RateLimitSettings limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = RateLimitRejection.OnRejectedAsync;
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                PerMinute(ClientKeys.AddressOf(context), limits.RequestsPerMinutePerAddress)),
            PartitionedRateLimiter.Create<HttpContext, string>(context => ClientKeys.PersonOf(context) is { } person
                ? PerMinute(person, limits.RequestsPerMinutePerPerson)
                : RateLimitPartition.GetNoLimiter("anonymous")));
        options.AddPolicy(ImportPolicy, context => PerMinute(ClientKeys.AddressOf(context), limits.ImportsPerMinutePerAddress));
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
}
