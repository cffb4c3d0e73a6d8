using System.Globalization;

namespace Deliberation.Server.Extensions;

/// <summary>A session as the cookie names it: which dialogue, which session record, which member.</summary>
public sealed record SessionClaim(Guid DialogueId, Guid SessionId, Guid ParticipantId)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{DialogueId:N}:{SessionId:N}:{ParticipantId:N}");

    public static SessionClaim? TryParse(string value) => value.Split(':') is [var d, var s, var p]
        && Guid.TryParseExact(d, "N", out var dialogue) && Guid.TryParseExact(s, "N", out var session) && Guid.TryParseExact(p, "N", out var participant)
            ? new SessionClaim(dialogue, session, participant)
            : null;
}
