using System.Collections.Immutable;
using Deliberation.Domain.History;

namespace Deliberation.Contracts.Review;

/// <summary>
/// The key moments of a statement's history as one viewer may see them, oldest first, and the heads
/// of the two streams they come from (GET …/review/timeline).
/// </summary>
public sealed record ReviewTimeline(ImmutableArray<ReviewMoment> Moments, ImmutableArray<StreamHead> Heads);

/// <summary>
/// One key moment. <see cref="Moment"/> is the scope position of the event after which it stands;
/// <see cref="Kind"/> is one of <see cref="ReviewKinds"/>; <see cref="Actor"/> is set only where this
/// viewer may know who acted.
/// </summary>
public sealed record ReviewMoment(long Moment, DateTimeOffset At, string Kind, Guid? ClauseId, string Summary, string? Detail, string? Actor);
