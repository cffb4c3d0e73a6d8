using System.Globalization;
using System.Threading.RateLimiting;
using Deliberation.Server.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace Deliberation.Server.Protection;

/// <summary>A request over a limit: 429 with rule <c>rate.limited</c> and <c>Retry-After</c> in seconds.</summary>
public static class RateLimitRejection
{
    public const string Rule = "rate.limited";

    public static ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellation) =>
        new(WriteAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1)));

    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.WithStatus(StatusCodes.Status429TooManyRequests, Rule, $"Too many requests; try again in {seconds} s.").ExecuteAsync(context);
    }
}
