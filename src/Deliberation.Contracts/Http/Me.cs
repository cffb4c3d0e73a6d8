namespace Deliberation.Contracts.Http;

/// <summary>GET /api/me: who the invite cookie signs in.</summary>
public sealed record Me(Guid ParticipantId, string? DisplayName);
