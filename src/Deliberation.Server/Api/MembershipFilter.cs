using System.Globalization;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Api;

/// <summary>
/// Every route under <c>/api/dialogues/{id}</c> is for members of that dialogue: the filter
/// resolves the caller as a <see cref="Viewer"/> once, before the endpoint runs, and answers
/// 401, 404 or 403 itself; the endpoint reads her with <c>http.Viewer()</c>.
/// </summary>
public sealed class MembershipFilter(DialogueService dialogues) : IEndpointFilter
{
    public const string DialogueRoute = "/api/dialogues/{id:guid}";

    private static readonly object ViewerKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Only routes under DialogueRoute carry the filter, so the route value is a Guid.
        var dialogueId = Guid.Parse((string)http.Request.RouteValues["id"]!, CultureInfo.InvariantCulture);
        var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, dialogueId);
        if (viewer is null)
            return problem;
        http.Items[ViewerKey] = viewer;
        return await next(context);
    }

    internal static Viewer ViewerOf(HttpContext http) =>
        http.Items[ViewerKey] as Viewer ?? throw new InvalidOperationException($"The endpoint is not in a group made by {nameof(MembershipRoutes.MapDialogueMembersGroup)}.");
}

/// <summary>Route groups for one dialogue, open to its members only, and the member they resolved.</summary>
public static class MembershipRoutes
{
    /// <summary>A group under <c>/api/dialogues/{id}</c> (plus <paramref name="suffix"/>) whose endpoints run only for the dialogue's members.</summary>
    public static RouteGroupBuilder MapDialogueMembersGroup(this IEndpointRouteBuilder app, string suffix = "") =>
        app.MapGroup(MembershipFilter.DialogueRoute + suffix)
            .AddEndpointFilter<MembershipFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>The caller as a member of the route's dialogue, resolved by <see cref="MembershipFilter"/>.</summary>
    public static Viewer Viewer(this HttpContext http) => MembershipFilter.ViewerOf(http);
}
