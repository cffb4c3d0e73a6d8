using Deliberation.Server.Extensions;
using Deliberation.Server.Services;

namespace Deliberation.Server.Api;

public static class InviteApi
{
    public static void MapInviteApi(this WebApplication app)
    {
        app.MapPost("/api/invites/{code}/redeem", async (string code, HttpContext http, InviteService invites, DialogueService dialogues) =>
        {
            var (invite, failure) = await invites.RedeemAsync(code);
            if (invite is null)
                return Failure(failure);
            var dialogue = (await dialogues.GetDialogueAsync(invite.DialogueId))!;
            var member = dialogue.MemberOrNull(invite.ParticipantId)!;
            await http.SignInParticipantAsync(invite.ParticipantId, member.DisplayName);
            return Results.Ok(new { participantId = invite.ParticipantId, dialogueId = invite.DialogueId, displayName = member.DisplayName, role = member.Role });
        });

        // The link people click: signs in, then opens the dialogue.
        app.MapGet("/invite/{code}", async (string code, HttpContext http, InviteService invites, DialogueService dialogues) =>
        {
            var (invite, failure) = await invites.RedeemAsync(code);
            if (invite is null)
                return Failure(failure);
            var member = (await dialogues.GetDialogueAsync(invite.DialogueId))!.MemberOrNull(invite.ParticipantId)!;
            await http.SignInParticipantAsync(invite.ParticipantId, member.DisplayName);
            return Results.Redirect($"/dialogues/{invite.DialogueId}");
        });

        app.MapGet("/api/me", (HttpContext http) => http.User.ParticipantId() is { } id
            ? Results.Ok(new { participantId = id, displayName = http.User.Identity?.Name })
            : Problems.Unauthenticated());
    }

    private static IResult Failure(InviteService.RedeemFailure failure) => failure switch
    {
        InviteService.RedeemFailure.Revoked => Problems.Forbidden("invite.revoked", "This invite was revoked; ask the convener for a new one."),
        InviteService.RedeemFailure.Expired => Problems.Forbidden("invite.expired", "This invite has expired; ask the convener for a new one."),
        InviteService.RedeemFailure.NoLongerMember => Problems.Forbidden("invite.not-a-member", "You are no longer a member of this dialogue."),
        _ => Problems.NotFound("invite.not-found", "There is no such invite."),
    };
}
