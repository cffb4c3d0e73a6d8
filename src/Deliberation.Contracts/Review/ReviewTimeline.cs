using System.Collections.Immutable;
using Deliberation.Domain.History;
using Deliberation.Domain.Review;

namespace Deliberation.Contracts.Review;

/// <summary>
/// The key moments of a statement's history as one viewer may see them, oldest first, and the heads
/// of the two streams they come from (GET …/review/timeline).
/// </summary>
public sealed record ReviewTimeline(ImmutableArray<ReviewMoment> Moments, ImmutableArray<StreamHead> Heads);

/// <summary>
/// One key moment. <see cref="Moment"/> is the scope position of the event after which it stands;
/// <see cref="Kind"/> is one of <see cref="ReviewKinds"/>; <see cref="Actor"/> is set only where this
/// viewer may know who acted. <see cref="Phrase"/> is what <see cref="Summary"/> says as data, to be read in
/// any language (<see cref="MomentPhrases.Render(MomentPhrase, System.Globalization.CultureInfo)"/>);
/// <see cref="DetailPhrase"/> likewise for a status change's <see cref="Detail"/> (other moments' details are
/// the dialogue's own words — a rationale, a reason, a clause's text — and have none).
/// </summary>
public sealed record ReviewMoment(long Moment, DateTimeOffset At, string Kind, Guid? ClauseId, string Summary, string? Detail, string? Actor,
    MomentPhrase? Phrase = null, MomentPhrase? DetailPhrase = null);
