using Deliberation.Domain;

namespace Deliberation.Contracts.Http;

/// <summary>The answer to POST /api/invites/{code}/redeem: the caller is now signed in as this member of this dialogue.</summary>
public sealed record RedeemedInvite(Guid ParticipantId, Guid DialogueId, string DisplayName, Role Role);
