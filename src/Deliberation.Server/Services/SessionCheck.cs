using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Sessions;
using Deliberation.Server.Extensions;

namespace Deliberation.Server.Services;

/// <summary>
/// The one check every HTTP request and hub call makes (docs/security.md, "Sessions"): the session
/// the cookie names is live in the dialogue as it is now — its member on the roster, the invite it
/// came from not revoked, and (where the session records are at hand) not ended.
/// </summary>
public static class SessionCheck
{
    /// <summary>Null when the session may act; otherwise why not.</summary>
    /// <param name="sessions">The dialogue's session records; null where only the roster and invites are checked (a live hub connection).</param>
    public static RuleError? Admit(DialogueState dialogue, DialogueSessionsState? sessions, SessionClaim claim)
    {
        if (claim.DialogueId != dialogue.Id || dialogue.MemberOrNull(claim.ParticipantId) is null)
            return RuleError.Forbidden("dialogue.not-a-member", "You are not a member of this dialogue.");
        if (claim.InviteHash is { } invite && !dialogue.InviteHeldBy(invite, claim.ParticipantId))
            return Ended;
        if (sessions is null)
            return null;
        return sessions.LiveSessionOrNull(claim.SessionId, dialogue) is { } session && session.ParticipantId == claim.ParticipantId && session.InviteHash == claim.InviteHash
            ? null
            : Ended;
    }

    private static RuleError Ended { get; } = RuleError.Forbidden("session.ended",
        "Your session has ended (the invite was revoked, or you signed out); sign in again with a new invite link.");
}
