using Deliberation.Server.Extensions;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Api;

/// <summary>
/// Finding the HTTP caller's <see cref="Viewer"/>: an HTTP concern (cookies, problem answers), so
/// it lives with the endpoints and the visibility module stays free of HTTP.
/// </summary>
public static class ViewerResolution
{
    extension(Viewer)
    {
        /// <summary>
        /// Resolves the caller in a dialogue through the session her cookie names there, checked
        /// against the dialogue as it is now; or the problem to answer with (401, 404, 403).
        /// </summary>
        public static async Task<(Viewer? Viewer, IResult? Problem)> ResolveAsync(HttpContext http, DialogueService dialogues, Guid dialogueId)
        {
            if (http.User.Sessions().Count == 0)
                return (null, Problems.Unauthenticated());
            if (await dialogues.GetDialogueAsync(dialogueId) is not { } dialogue)
                return (null, Problems.NotFound("dialogue.not-found", "There is no such dialogue."));
            // Not-a-member looks like not-found to outsiders would hide existence; but members of other
            // dialogues legitimately hold links, so say plainly that this one is not theirs.
            if (http.User.SessionIn(dialogueId) is not { } claim)
                return (null, Problems.Forbidden("dialogue.not-a-member", "You are not a member of this dialogue."));
            return SessionCheck.Admit(dialogue, await dialogues.GetSessionsAsync(dialogueId), claim) is { } refusal
                ? (null, Problems.Forbidden(refusal.Rule, refusal.Message))
                : (Viewer.Of(dialogue, claim.ParticipantId), null);
        }
    }
}
