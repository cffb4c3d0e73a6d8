using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Persistence;
using Deliberation.Server.Extensions;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Api;

public static class DialogueApi
{
    public sealed record AddMemberRequest(string DisplayName, string? Affiliation, Role Role, ImmutableDictionary<string, string>? Groups);

    public sealed record AddStatementRequest(string Title);

    public static void MapDialogueApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/dialogues");

        api.MapGet("/", async (HttpContext http, IDialogueDirectory directory) =>
            http.User.ParticipantId() is { } me
                ? Results.Ok(await directory.ListDialoguesOfParticipantAsync(me))
                : Results.Ok(Array.Empty<DialogueSummary>()));

        api.MapPost("/", async (CreateDialogueRequest request, HttpContext http, DialogueService dialogues) =>
        {
            var me = http.User.ParticipantId();
            var name = request.ConvenerName ?? http.User.Identity?.Name;
            if (string.IsNullOrWhiteSpace(name))
                return Problems.Invalid("name.required", "Say who is convening: convenerName is required.");
            var (id, outcome) = await dialogues.CreateDialogueAsync(me ?? Guid.NewGuid(), request.ToCommand(name) is var c ? c : c);
            if (!outcome.Accepted)
                return Problems.From(outcome.Error!);
            var convener = (await dialogues.GetDialogueAsync(id))!.Roster.Values.Single(m => m.Role == Role.Convener);
            if (me is null)
                await http.SignInParticipantAsync(convener.ParticipantId, convener.DisplayName);
            return Results.Created($"/api/dialogues/{id}", new { id, outcome.Version, convenerId = convener.ParticipantId });
        });

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, DialogueService dialogues) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            return viewer is null ? problem! : Results.Ok(ViewsOf.Dialogue(viewer));
        });

        api.MapPost("/{id:guid}/members", async (Guid id, AddMemberRequest request, HttpContext http, DialogueService dialogues, InviteService invites) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            if (viewer is null)
                return problem!;
            var member = new Member(Guid.Empty, request.DisplayName, request.Affiliation, request.Role, request.Groups ?? ImmutableDictionary<string, string>.Empty);
            var (invite, outcome) = await invites.AddMemberWithInviteAsync(id, member, viewer.ParticipantId);
            return invite is null
                ? Problems.From(outcome.Error!)
                : Results.Ok(new { invite.ParticipantId, invite.Code, invite.ExpiresAt, link = InviteService.Link(BaseUrl(http), invite.Code) });
        });

        api.MapPost("/{id:guid}/members/{participantId:guid}/invites", async (Guid id, Guid participantId, HttpContext http, DialogueService dialogues, InviteService invites) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            if (viewer is null)
                return problem!;
            var (invite, outcome) = await invites.ReissueAsync(id, participantId, viewer.ParticipantId);
            return invite is null
                ? Problems.From(outcome.Error!)
                : Results.Ok(new { invite.ParticipantId, invite.Code, invite.ExpiresAt, link = InviteService.Link(BaseUrl(http), invite.Code) });
        });

        api.MapGet("/{id:guid}/invites", async (Guid id, HttpContext http, DialogueService dialogues, IDialogueDirectory directory) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            if (viewer is null)
                return problem!;
            if (!viewer.Role.Organises())
                return Problems.Forbidden("role.not-organiser", "Only a convener or facilitator sees invites.");
            return Results.Ok(await directory.ListInvitesAsync(id));
        });

        api.MapDelete("/{id:guid}/invites/{codeHash}", async (Guid id, string codeHash, HttpContext http, DialogueService dialogues) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            return viewer is null ? problem! : Problems.Outcome(await dialogues.ExecuteAsync(id, new RevokeInvite(codeHash), viewer.ParticipantId));
        });

        api.MapPost("/{id:guid}/statements", async (Guid id, AddStatementRequest request, HttpContext http, DialogueService dialogues) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            if (viewer is null)
                return problem!;
            var (statementId, outcome) = await dialogues.AddStatementAsync(id, request.Title, viewer.ParticipantId);
            return outcome.Accepted
                ? Results.Created($"/api/dialogues/{id}/statements/{statementId}", new { id = statementId, outcome.Version })
                : Problems.From(outcome.Error!);
        });

        api.MapGet("/{id:guid}/events", async (Guid id, long? after, HttpContext http, DialogueService dialogues, IEventStore store) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            if (viewer is null)
                return problem!;
            if (after is < 0)
                return Problems.Invalid("events.bad-position", "'after' is a position, 0 or more.");
            var events = await store.ReadScopeAsync(StreamIds.Scope(id), after ?? 0);
            var page = events.Take(EventLog.PageSize).ToList();
            return Results.Ok(new
            {
                events = EventLog.ForViewer(page, viewer),
                next = page.Count > 0 ? page[^1].Position : after ?? 0,
                hasMore = events.Count > page.Count,
            });
        });
    }

    internal static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
