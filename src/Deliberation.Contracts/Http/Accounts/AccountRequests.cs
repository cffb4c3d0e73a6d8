namespace Deliberation.Contracts.Http.Accounts;

/// <summary>POST /api/account/setup: the first account, with the one-time setup code the server printed.</summary>
public sealed record SetUpFirstAccountRequest(string SetupCode, string Email, string DisplayName, string Password);

/// <summary>POST /api/account/register: one more organiser account, with an invitation code from an account holder.</summary>
public sealed record RegisterOrganiserRequest(string InvitationCode, string Email, string DisplayName, string Password);

/// <summary>POST /api/account/sign-in with a password.</summary>
public sealed record PasswordSignInRequest(string Email, string Password);

/// <summary>
/// A WebAuthn credential as the browser made it (<c>navigator.credentials.create/get</c>),
/// serialised to JSON, for POST /api/account/passkeys and /api/account/passkeys/sign-in.
/// </summary>
public sealed record PasskeyCredentialRequest(string CredentialJson);

/// <summary>PUT /api/account/culture: the account's interface language, "en" or "zh-Hans".</summary>
public sealed record SetCultureRequest(string Culture);
