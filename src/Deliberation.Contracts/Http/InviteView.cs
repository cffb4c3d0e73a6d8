namespace Deliberation.Contracts.Http;

/// <summary>An invite as organisers see it in GET /api/dialogues/{id}/invites: the code's hash (never the code), whom it signs in, until when.</summary>
public sealed record InviteView(string CodeHash, Guid DialogueId, Guid ParticipantId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);
