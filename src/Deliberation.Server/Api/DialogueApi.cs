using System.Collections.Immutable;
using System.Security.Claims;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Sessions;
using Deliberation.Persistence;
using Deliberation.Persistence.Accounts;
using Deliberation.Server.Accounts;
using Deliberation.Server.Extensions;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Server.Api;

public static class DialogueApi
{
    public static void MapDialogueApi(this WebApplication app)
    {
        var dialogues = app.MapGroup("/api/dialogues");

        // The dialogues this browser is signed in to (a membership elsewhere under the same id is
        // listed only once its own session is in the cookie: docs/security.md, "Sessions"), and those
        // the caller's organiser account convenes, which it re-enters with POST /api/account/dialogues/{id}/enter.
        dialogues.MapGet("", async (HttpContext http, IDialogueDirectory directory, AccountDialogues accountDialogues) =>
        {
            var signedIn = http.User.Sessions().Select(s => (s.ParticipantId, s.DialogueId)).ToList();
            if (await http.AuthenticatedAccountAsync() is { } account && account.FindFirstValue(ClaimTypes.NameIdentifier) is { } accountId)
                signedIn.AddRange((await accountDialogues.ListAsync(accountId)).Select(d => (d.ParticipantId, d.DialogueId)));
            var rows = new List<DialogueSummaryView>();
            foreach (var participant in signedIn.ToLookup(s => s.ParticipantId, s => s.DialogueId))
                rows.AddRange((await directory.ListDialoguesOfParticipantAsync(participant.Key)).Where(d => participant.Contains(d.Id)).Select(ToView));
            return TypedResults.Ok<IReadOnlyList<DialogueSummaryView>>([.. rows.DistinctBy(r => r.Id)]);
        });

        dialogues.MapPost("", async Task<Results<Created<CreatedDialogue>, ProblemHttpResult>> (
            CreateDialogueRequest request, HttpContext http, DialogueService dialogues, AccountDialogues accountDialogues, UserManager<OrganiserAccount> accounts) =>
        {
            var me = http.User.ParticipantId();
            var accountId = http.OrganiserAccountId();
            var name = request.ConvenerName ?? http.User.Identity?.Name ?? (await accounts.FindByIdAsync(accountId))?.DisplayName;
            if (string.IsNullOrWhiteSpace(name))
                return Problems.Invalid("name.required", "Say who is convening: convenerName is required.");
            var (id, outcome) = await dialogues.CreateDialogueAsync(me ?? Guid.NewGuid(), request.ToCommand(name));
            if (!outcome.Accepted)
                return Problems.From(outcome.Error!);
            var convener = (await dialogues.GetDialogueAsync(id))!.Roster.Values.Single(m => m.Role == Role.Convener);
            await accountDialogues.RecordAsync(accountId, id, convener.ParticipantId);
            await http.SignInSessionAsync(await dialogues.FoundingSessionAsync(id), convener.DisplayName);
            return TypedResults.Created($"/api/dialogues/{id}", new CreatedDialogue(id, outcome.Version, convener.ParticipantId));
        }).RequireOrganiserAccount().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

        var dialogue = app.MapDialogueMembersGroup();

        dialogue.MapGet("", (HttpContext http) => TypedResults.Ok(ViewsOf.Dialogue(http.Viewer())));

        // Signing out of this dialogue: the session ends on the server, not only in this browser, and
        // the cookie keeps the sessions it holds in other dialogues.
        dialogue.MapDelete("/session", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, HttpContext http, DialogueService dialogues) =>
        {
            var claim = http.User.SessionIn(id)!;
            var outcome = await dialogues.ExecuteAsync(id, new EndSession(claim.SessionId), claim.ParticipantId);
            if (!outcome.Accepted)
                return Problems.From(outcome.Error!);
            await http.SignOutOfDialogueAsync(id);
            return TypedResults.NoContent();
        });

        dialogue.MapPost("/members", async Task<Results<Ok<IssuedInvite>, ProblemHttpResult>> (Guid id, AddMemberRequest request, HttpContext http, InviteService invites) =>
        {
            if (request.ParticipantId is not null)
                return Problems.From(InviteService.MemberIdNotAllowed);
            var member = new Member(Guid.Empty, request.DisplayName, request.Affiliation, request.Role, request.Groups ?? ImmutableDictionary<string, string>.Empty);
            var (invite, outcome) = await invites.AddMemberWithInviteAsync(id, member, http.Viewer().ParticipantId);
            return invite is null ? Problems.From(outcome.Error!) : TypedResults.Ok(Issued(invite, http));
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        dialogue.MapPost("/members/{participantId:guid}/invites", async Task<Results<Ok<IssuedInvite>, ProblemHttpResult>> (Guid id, Guid participantId, HttpContext http, InviteService invites) =>
        {
            var (invite, outcome) = await invites.ReissueAsync(id, participantId, http.Viewer().ParticipantId);
            return invite is null ? Problems.From(outcome.Error!) : TypedResults.Ok(Issued(invite, http));
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        dialogue.MapGet("/invites", async Task<Results<Ok<IReadOnlyList<InviteView>>, ProblemHttpResult>> (Guid id, HttpContext http, IDialogueDirectory directory) =>
        {
            if (!http.Viewer().Role.Organises())
                return Problems.Forbidden("role.not-organiser", "Only a convener or facilitator sees invites.");
            return TypedResults.Ok<IReadOnlyList<InviteView>>([.. (await directory.ListInvitesAsync(id)).Select(ToView)]);
        });

        dialogue.MapDelete("/invites/{codeHash}", async (Guid id, string codeHash, HttpContext http, DialogueService dialogues) =>
            Problems.Outcome(await dialogues.ExecuteAsync(id, new RevokeInvite(codeHash), http.Viewer().ParticipantId)));

        dialogue.MapPost("/statements", async Task<Results<Created<CreatedStatement>, ProblemHttpResult>> (Guid id, AddStatementRequest request, HttpContext http, DialogueService dialogues) =>
        {
            var (statementId, outcome) = await dialogues.AddStatementAsync(id, request.Title, http.Viewer().ParticipantId);
            return outcome.Accepted
                ? TypedResults.Created($"/api/dialogues/{id}/statements/{statementId}", new CreatedStatement(statementId, outcome.Version))
                : Problems.From(outcome.Error!);
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        // The log the caller may see: pages of JSON, or with format=jsonl the whole log as JSON lines
        // for the offline verifier (docs/api.md, "Events"). Both render through the same visibility.
        dialogue.MapGet("/events", async Task<Results<Ok<EventsPage>, PushStreamHttpResult, ProblemHttpResult>> (Guid id, long? after, string? format, HttpContext http, IEventStore store) =>
        {
            if (after is < 0)
                return Problems.Invalid("events.bad-position", "'after' is a position, 0 or more.");
            if (format is not (null or "json" or EventLogLines.Format))
                return Problems.Invalid("events.unknown-format", $"The events log comes as json (pages) or {EventLogLines.Format} (the whole log, one event a line).");
            var events = await store.ReadScopeAsync(StreamIds.Scope(id), after ?? 0);
            var viewer = http.Viewer();
            if (format == EventLogLines.Format)
                return TypedResults.Stream(body => EventLogLines.WriteAsync(body, events, viewer.Audience, http.RequestAborted), EventLogLines.ContentType);
            var page = events.Take(EventLog.PageSize).ToList();
            return TypedResults.Ok(new EventsPage(
                [.. EventLog.ForViewer(page, viewer)],
                page.Count > 0 ? page[^1].Position : after ?? 0,
                events.Count > page.Count));
        }).ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static IssuedInvite Issued(InviteService.Issued invite, HttpContext http) =>
        new(invite.ParticipantId, invite.Code, invite.ExpiresAt, InviteService.Link(BaseUrl(http), invite.Code));

    // The directory's rows are the read model's; the wire's rows are the contract's, so a column
    // added for the server's sake does not reach clients unannounced.
    private static DialogueSummaryView ToView(DialogueSummary row) => new(
        row.Id, row.Title, row.Track, row.Phase, row.Confidentiality, row.Venue,
        row.StartsOn, row.EndsOn, row.ParticipantCount, row.CreatedAt, row.UpdatedAt);

    private static InviteView ToView(InviteRecord row) => new(
        row.CodeHash, row.DialogueId, row.ParticipantId, row.CreatedAt, row.ExpiresAt, row.RevokedAt);
}
