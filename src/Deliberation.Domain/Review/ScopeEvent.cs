namespace Deliberation.Domain.Review;

/// <summary>
/// One event of a dialogue's scope, in the order the store numbered them. <see cref="Position"/> is the
/// scope position a review calls a moment; <see cref="StatementId"/> names the statement stream the
/// event is from, null for the dialogue's own stream.
/// </summary>
public sealed record ScopeEvent(long Position, Guid? StatementId, DomainEvent Event, EventMeta Meta);
