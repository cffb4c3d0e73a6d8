namespace Deliberation.Domain.Sessions;

/// <summary>
/// One signed-in browser of one member of one dialogue: made when she redeems an invite (or creates
/// the dialogue), named by her cookie, and checked on every call against the dialogue's roster and
/// invites as they are now (docs/security.md, "Sessions"). Its id is its security stamp: a session
/// that stops being live never becomes live again.
/// </summary>
/// <param name="InviteHash">The invite it came from; null for the convener's session at creation.</param>
public sealed record ParticipantSession(Guid Id, Guid ParticipantId, string? InviteHash, DateTimeOffset StartedAt, DateTimeOffset? EndedAt = null);
