namespace Deliberation.Contracts.Http.Accounts;

/// <summary>
/// GET /api/account: whether this browser is signed in to an organiser account, and whether the
/// server still waits for its first account (then the setup code printed at start creates it).
/// <paramref name="Culture"/> is the interface language the account chose ("en", "zh-Hans"), null
/// while it chose none: a browser that signs in opens in it rather than in its own language.
/// </summary>
public sealed record AccountStatus(bool SignedIn, string? Email, string? DisplayName, bool SetupNeeded, string? Culture = null);
