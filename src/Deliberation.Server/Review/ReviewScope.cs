using Deliberation.Domain.Review;

namespace Deliberation.Server.Review;

/// <summary>
/// A dialogue's history caught up with the store, for the duration of one question: its events and
/// checkpoints, a statement's trace, and whether its times run in position order.
/// </summary>
public sealed record ReviewScope(ScopeReplay Replay, Func<Guid, ReviewTrace> Trace, bool TimesInOrder);
