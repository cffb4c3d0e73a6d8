using Deliberation.Server.Extensions;
using Deliberation.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Api;

public static class InviteApi
{
    public static void MapInviteApi(this WebApplication app)
    {
        app.MapPost("/api/invites/{code}/redeem", async Task<Results<Ok<RedeemedInvite>, ProblemHttpResult>> (string code, HttpContext http, InviteService invites, DialogueService dialogues) =>
        {
            var (invite, failure) = await invites.RedeemAsync(code);
            if (invite is null)
                return Failure(failure);
            var dialogue = (await dialogues.GetDialogueAsync(invite.DialogueId))!;
            var member = dialogue.MemberOrNull(invite.ParticipantId)!;
            await http.SignInParticipantAsync(invite.ParticipantId, member.DisplayName);
            return TypedResults.Ok(new RedeemedInvite(invite.ParticipantId, invite.DialogueId, member.DisplayName, member.Role));
        }).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        // The link people click: signs in, then opens the dialogue.
        app.MapGet("/invite/{code}", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (string code, HttpContext http, InviteService invites, DialogueService dialogues) =>
        {
            var (invite, failure) = await invites.RedeemAsync(code);
            if (invite is null)
                return Failure(failure);
            var member = (await dialogues.GetDialogueAsync(invite.DialogueId))!.MemberOrNull(invite.ParticipantId)!;
            await http.SignInParticipantAsync(invite.ParticipantId, member.DisplayName);
            return TypedResults.Redirect($"/dialogues/{invite.DialogueId}");
        }).Produces(StatusCodes.Status302Found).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/me", Results<Ok<Me>, ProblemHttpResult> (HttpContext http) => http.User.ParticipantId() is { } id
            ? TypedResults.Ok(new Me(id, http.User.Identity?.Name))
            : Problems.Unauthenticated())
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static ProblemHttpResult Failure(InviteService.RedeemFailure failure) => failure switch
    {
        InviteService.RedeemFailure.Revoked => Problems.Forbidden("invite.revoked", "This invite was revoked; ask the convener for a new one."),
        InviteService.RedeemFailure.Expired => Problems.Forbidden("invite.expired", "This invite has expired; ask the convener for a new one."),
        InviteService.RedeemFailure.NoLongerMember => Problems.Forbidden("invite.not-a-member", "You are no longer a member of this dialogue."),
        _ => Problems.NotFound("invite.not-found", "There is no such invite."),
    };
}
