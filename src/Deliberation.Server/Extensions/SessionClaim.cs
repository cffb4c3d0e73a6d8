using System.Globalization;

namespace Deliberation.Server.Extensions;

/// <summary>
/// A session as the cookie names it: which dialogue, which session record, which member, and the
/// invite it came from (null for the convener's session at creation). The cookie is encrypted and
/// signed, so a claim is one the server made.
/// </summary>
public sealed record SessionClaim(Guid DialogueId, Guid SessionId, Guid ParticipantId, string? InviteHash)
{
    private const string NoInvite = "-";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{DialogueId:N}:{SessionId:N}:{ParticipantId:N}:{InviteHash ?? NoInvite}");

    public static SessionClaim? TryParse(string value) => value.Split(':') is [var d, var s, var p, var invite]
        && Guid.TryParseExact(d, "N", out var dialogue) && Guid.TryParseExact(s, "N", out var session) && Guid.TryParseExact(p, "N", out var participant)
            ? new SessionClaim(dialogue, session, participant, invite == NoInvite ? null : invite)
            : null;
}
