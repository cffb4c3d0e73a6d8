namespace Deliberation.Persistence;

/// <summary>An invite as stored: hashed code, whom it signs in, until when.</summary>
public sealed record InviteRecord(
    string CodeHash,
    Guid DialogueId,
    Guid ParticipantId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt);
