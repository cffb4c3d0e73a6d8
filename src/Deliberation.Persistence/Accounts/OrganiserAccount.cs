using Microsoft.AspNetCore.Identity;

namespace Deliberation.Persistence.Accounts;

/// <summary>
/// An organiser's account (ASP.NET Core Identity): who may create dialogues and run imports.
/// Delegates need none; an invite signs them into one membership (docs/security.md).
/// </summary>
public sealed class OrganiserAccount : IdentityUser
{
    /// <summary>The name a dialogue created by this account shows for its convener, unless the request names one.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The interface language she chose ("en", "zh-Hans"), or null while she has chosen none and
    /// her browser's language is used: kept with the account so a new browser opens in it.
    /// </summary>
    public string? PreferredCulture { get; set; }
}
