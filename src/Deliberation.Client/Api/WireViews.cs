namespace Deliberation.Client.Api;

// Rows and answers of the HTTP API that only the client models (the server returns its read models).

/// <summary>One row of GET /api/dialogues.</summary>
public sealed record DialogueSummary(
    Guid Id, string Title, string Track, string Phase, string Confidentiality, string? Venue,
    DateOnly? StartsOn, DateOnly? EndsOn, int ParticipantCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An invite as the organisers see it: hashed code, whom it signs in, until when.</summary>
public sealed record InviteRecord(string CodeHash, Guid DialogueId, Guid ParticipantId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>The answer to adding a member or reissuing an invite: the one time the code is shown.</summary>
public sealed record IssuedInvite(Guid ParticipantId, string Code, DateTimeOffset ExpiresAt, string Link);

public sealed record CreatedDialogue(Guid Id, long Version, Guid ConvenerId);

public sealed record CreatedStatement(Guid Id, long Version);

public sealed record Me(Guid ParticipantId, string? DisplayName);
