namespace Deliberation.Persistence.Accounts;

/// <summary>
/// One signed-in browser of an account. The account cookie carries only its id; every request
/// looks the row up, so ending a session (or its account's sign-out) makes the cookie useless at once.
/// </summary>
public sealed class AccountSession
{
    public Guid Id { get; set; }
    public string AccountId { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>How the session began (<c>password</c>, <c>passkey</c>, <c>setup</c>, <c>invitation</c>).</summary>
    public string Method { get; set; } = "";
    /// <summary>The browser's User-Agent as it was at sign-in, cut to fit; only to help the holder tell sessions apart.</summary>
    public string Device { get; set; } = "";
    public DateTimeOffset? EndedAt { get; set; }
}
