namespace Deliberation.Server.Protection;

/// <summary>Applies <see cref="InviteGuessLimit"/> to the paths that take an invite code; a 4xx answer is a failed guess.</summary>
public sealed class InviteGuessMiddleware(RequestDelegate next, InviteGuessLimit limit)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!InviteGuessLimit.Guards(context.Request.Path))
        {
            await next(context);
            return;
        }
        var address = ClientKeys.AddressOf(context);
        if (!limit.TryBegin(address, out var retryAfter))
        {
            await RateLimitRejection.WriteAsync(context, retryAfter);
            return;
        }
        var failed = true;
        try
        {
            await next(context);
            failed = context.Response.StatusCode is >= 400 and < 500;
        }
        finally
        {
            limit.End(address, failed);
        }
    }
}
