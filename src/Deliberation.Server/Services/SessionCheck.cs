using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Extensions;

namespace Deliberation.Server.Services;

/// <summary>
/// The one check every HTTP request and hub call makes (docs/security.md, "Sessions"): the session
/// the cookie names is live in the dialogue as it is now, and belongs to the member it claims.
/// </summary>
public static class SessionCheck
{
    /// <summary>Null when the session may act; otherwise why not.</summary>
    public static RuleError? Admit(DialogueState dialogue, SessionClaim claim)
    {
        if (claim.DialogueId != dialogue.Id)
            return RuleError.Forbidden("dialogue.not-a-member", "You are not a member of this dialogue.");
        if (dialogue.Sessions.TryGetValue(claim.SessionId, out var session) && session.ParticipantId != claim.ParticipantId)
            return RuleError.Forbidden("session.ended", "This session is not valid; sign in again with your invite link.");
        if (dialogue.MemberOrNull(claim.ParticipantId) is null)
            return RuleError.Forbidden("dialogue.not-a-member", "You are no longer a member of this dialogue.");
        return dialogue.LiveSessionOrNull(claim.SessionId) is null
            ? RuleError.Forbidden("session.ended", "Your session has ended (the invite was revoked, or you signed out); sign in again with a new invite link.")
            : null;
    }
}
