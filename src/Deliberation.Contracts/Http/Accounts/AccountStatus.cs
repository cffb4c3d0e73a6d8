namespace Deliberation.Contracts.Http.Accounts;

/// <summary>
/// GET /api/account: whether this browser is signed in to an organiser account, and whether the
/// server still waits for its first account (then the setup code printed at start creates it).
/// </summary>
public sealed record AccountStatus(bool SignedIn, string? Email, string? DisplayName, bool SetupNeeded);
