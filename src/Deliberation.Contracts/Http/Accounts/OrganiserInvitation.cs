namespace Deliberation.Contracts.Http.Accounts;

/// <summary>POST /api/account/invitations: a one-time code (and a link with it) that creates one organiser account.</summary>
public sealed record OrganiserInvitation(string Code, string Link, DateTimeOffset ExpiresAt);
