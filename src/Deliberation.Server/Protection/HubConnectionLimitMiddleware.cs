using Deliberation.Server.Extensions;

namespace Deliberation.Server.Protection;

/// <summary>
/// Refuses a new hub connection (its negotiate request, or a WebSocket that skips negotiation) of a
/// person already at <see cref="HubConnectionLimit"/>, with 429 and rule <c>hub.too-many-connections</c>,
/// before SignalR starts it.
/// </summary>
public sealed class HubConnectionLimitMiddleware(RequestDelegate next, HubConnectionLimit limit)
{
    public const string Rule = "hub.too-many-connections";

    public async Task InvokeAsync(HttpContext context)
    {
        // Requests that carry a connection id belong to a connection already counted.
        var starts = context.Request.Path.StartsWithSegments(RealtimeExtensions.HubPath) && !context.Request.Query.ContainsKey("id");
        if (starts && ClientKeys.PersonOf(context) is { } person && !limit.HasRoomFor(person))
        {
            await Api.Problems.WithStatus(StatusCodes.Status429TooManyRequests, Rule, limit.RefusalMessage).ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
