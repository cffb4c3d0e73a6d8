namespace Deliberation.Domain.Dialogues;

/// <summary>
/// One signed-in browser of one member: made when she redeems an invite (or creates the dialogue),
/// named by the cookie, and checked on every call against the roster and the invites as they are
/// now (docs/security.md, "Sessions"). Its id is its security stamp: a session that stops being
/// live never becomes live again.
/// </summary>
/// <param name="InviteHash">The invite it came from; null for the convener's session at creation.</param>
public sealed record ParticipantSession(Guid Id, Guid ParticipantId, string? InviteHash, DateTimeOffset StartedAt, DateTimeOffset? EndedAt = null);
