namespace Deliberation.Contracts.Http.Accounts;

/// <summary>GET /api/account/sessions: one of the caller's own live sessions; <c>Current</c> is the one asking.</summary>
public sealed record AccountSessionView(Guid Id, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, string Method, string Device, bool Current);
