using System.Text.Encodings.Web;
using Deliberation.Server.Extensions;
using Deliberation.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Api;

/// <summary>
/// Signing in with an invite. Only a POST signs anyone in: a link followed from another site, a
/// preview bot or a mail scanner only fetches the page with the button (docs/security.md, "Invites").
/// </summary>
public static class InviteApi
{
    public static void MapInviteApi(this WebApplication app)
    {
        // For scripts and the browser client: starts a session and answers who it signs in as.
        app.MapPost("/api/invites/{code}/redeem", async Task<Results<Ok<RedeemedInvite>, ProblemHttpResult>> (string code, HttpContext http, InviteService invites) =>
        {
            var (redeemed, refusal) = await invites.RedeemAsync(code);
            if (redeemed is null)
                return Problems.From(refusal!);
            await http.SignInSessionAsync(redeemed.Session, redeemed.Member.DisplayName);
            return TypedResults.Ok(new RedeemedInvite(redeemed.Session.ParticipantId, redeemed.Session.DialogueId, redeemed.Member.DisplayName, redeemed.Member.Role));
        }).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        // The link people click: a page with one button, which posts back here. Nothing is redeemed
        // and nobody is signed in until the person presses it.
        app.MapGet("/invite/{code}", (string code, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return TypedResults.Content(JoinPage(code), "text/html; charset=utf-8");
        }).Produces(StatusCodes.Status200OK, contentType: "text/html");

        app.MapPost("/invite/{code}", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (string code, HttpContext http, InviteService invites) =>
        {
            var (redeemed, refusal) = await invites.RedeemAsync(code);
            if (redeemed is null)
                return Problems.From(refusal!);
            await http.SignInSessionAsync(redeemed.Session, redeemed.Member.DisplayName);
            // The browser follows a redirect after a POST with a GET, so a reload does not post the invite again.
            return TypedResults.Redirect($"/dialogues/{redeemed.Session.DialogueId}");
        }).DisableAntiforgery().ExcludeFromDescription();

        app.MapGet("/api/me", Results<Ok<Me>, ProblemHttpResult> (HttpContext http) => http.User.ParticipantId() is { } id
            ? TypedResults.Ok(new Me(id, http.User.Identity?.Name))
            : Problems.Unauthenticated())
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// A page without script or style of its own, so any content security policy serves it. It comes
    /// before the app and its language picker, so it speaks both interface languages at once
    /// (docs/architecture.md, "The interface's languages"), each marked with its own lang.
    /// </summary>
    private static string JoinPage(string code)
    {
        var action = HtmlEncoder.Default.Encode($"/invite/{Uri.EscapeDataString(code)}");
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>Join the dialogue · 加入对话</title></head>
            <body>
            <main>
            <h1>Join the dialogue · <span lang="zh-Hans">加入对话</span></h1>
            <p>This invitation signs you in to one dialogue as the person it was made for. Press the button to join; do not share the link.</p>
            <p lang="zh-Hans">此邀请将以其所邀请之人的身份让你登录一场对话。请按下按钮加入；请勿分享此链接。</p>
            <form method="post" action="{action}"><button type="submit" data-testid="invite-join">Join the dialogue · <span lang="zh-Hans">加入对话</span></button></form>
            </main>
            </body>
            </html>
            """;
    }
}
