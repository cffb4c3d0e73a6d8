namespace Deliberation.Persistence.Accounts;

/// <summary>What a <see cref="OneTimeCode"/> lets its holder do.</summary>
public enum OneTimeCodePurpose
{
    /// <summary>Create the first account, when none exists.</summary>
    Setup,

    /// <summary>Create one more organiser account, invited by an account holder.</summary>
    OrganiserInvitation,
}

/// <summary>
/// A code that creates one account, stored as the SHA-256 of the code (the code itself exists
/// only in the message that carried it). Used once: <see cref="UsedAt"/> is set in the same
/// conditional update that claims it, so two redemptions cannot both succeed.
/// </summary>
public sealed class OneTimeCode
{
    public string CodeHash { get; set; } = "";
    public OneTimeCodePurpose Purpose { get; set; }
    /// <summary>The account that issued it; null for the setup code, which the server issues itself.</summary>
    public string? IssuedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? UsedBy { get; set; }
}
