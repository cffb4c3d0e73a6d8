namespace Deliberation.Contracts.Http;

/// <summary>The answer to adding a member or reissuing her invite: the one time the code is shown, with the link to send.</summary>
public sealed record IssuedInvite(Guid ParticipantId, string Code, DateTimeOffset ExpiresAt, string Link);
