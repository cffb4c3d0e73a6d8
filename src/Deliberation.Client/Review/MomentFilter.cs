using System.Collections.Immutable;
using Deliberation.Contracts.Review;

namespace Deliberation.Client.Review;

/// <summary>
/// Which key moments the timeline and the scrubber go through: one clause (or all), and the kinds
/// switched off. An empty filter shows everything; a moment that names no clause (a phase, a
/// freeze) stays when a clause is chosen, since it changes every clause.
/// </summary>
public sealed record MomentFilter(Guid? ClauseId, ImmutableHashSet<string> HiddenKinds)
{
    public static readonly MomentFilter All = new(null, []);

    public bool Shows(ReviewMoment moment) =>
        !HiddenKinds.Contains(moment.Kind) && (ClauseId is null || moment.ClauseId is null || moment.ClauseId == ClauseId);

    public IReadOnlyList<ReviewMoment> Apply(IEnumerable<ReviewMoment> moments) => [.. moments.Where(Shows)];

    public MomentFilter Toggle(string kind) =>
        this with { HiddenKinds = HiddenKinds.Contains(kind) ? HiddenKinds.Remove(kind) : HiddenKinds.Add(kind) };
}
