using System.Collections.Immutable;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Review;
using Deliberation.Domain.Statements;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Review;

/// <summary>One clause's story, from its trace, up to the last event the viewer may read (docs/api.md, "Review").</summary>
public static class ClauseStories
{
    public static ClauseStory Of(ClauseState clause, ScopeReplay replay, ReviewTrace trace, ReviewVisibility see, int last)
    {
        var standings = trace.Standings(see.Figures)
            .Where(s => s.ClauseId == clause.Id && s.Index <= last && see.Sees(replay[s.Index]))
            .ToList();
        var points = new List<StoryPoint>();
        var firstMet = new List<GroupMilestone>();
        var met = new HashSet<(string?, string?)>();
        var needs = new List<StoryNeeds>();
        var zone = new List<FundingZonePoint>();
        foreach (var standing in standings)
        {
            var e = replay[standing.Index];
            var (moment, at) = (e.Position, e.Meta.OccurredAt);
            foreach (var row in standing.Rows)
            {
                points.Add(new StoryPoint(moment, at, row.Dimension, row.Group, row.Status, row.Share, row.Needed));
                if (!row.IsClause && row.Status == ClauseStatus.Agreed && met.Add((row.Dimension, row.Group)))
                    firstMet.Add(new GroupMilestone(row.Dimension!, row.Group!, moment, at));
            }
            if (standing.Status is not (ClauseStatus.Agreed or ClauseStatus.Withdrawn) && !standing.Needs.IsDefaultOrEmpty)
                needs.Add(new StoryNeeds(moment, at, standing.Needs));
            if (clause.Parameter is not null && (zone.Count == 0 || !zone[^1].Zone.SequenceEqual(standing.Zone)))
                zone.Add(new FundingZonePoint(moment, at, standing.Zone, standing.BestValue));
        }
        return new ClauseStory(clause.Id, clause.Kind, clause.ExternalId, [.. points], Revisions(clause, replay, trace), Amendments(clause, replay, trace, last), [.. firstMet], [.. needs], [.. zone]);
    }

    private static ImmutableArray<StoryRevision> Revisions(ClauseState clause, ScopeReplay replay, ReviewTrace trace)
    {
        var revisions = new List<StoryRevision>();
        var previous = "";
        foreach (var revision in clause.Revisions)
        {
            var moment = trace.RevisedAt(clause.Id, revision.Number) is { } i ? replay[i].Position : 0;
            revisions.Add(new StoryRevision(revision.Number, moment, revision.At, revision.Kind, revision.Source, revision.Rationale, revision.Text, WordDiff.Segments(previous, revision.Text)));
            previous = revision.Text;
        }
        return [.. revisions];
    }

    private static ImmutableArray<StoryAmendment> Amendments(ClauseState clause, ScopeReplay replay, ReviewTrace trace, int last) =>
        [.. replay.StateAfter(last).Statement(trace.StatementId).Amendments.Values
            .Where(a => a.ClauseId == clause.Id)
            .OrderBy(a => a.ProposedAt)
            .Select(a =>
            {
                var decided = trace.DecidedAt(a.Id) is { } d && d <= last ? replay[d] : null;
                var proposed = trace.ProposedAt(a.Id) is { } p ? replay[p].Position : 0;
                return new StoryAmendment(a.Id, proposed, a.ProposedAt, a.Text, a.Rationale, a.Status, decided?.Position, decided?.Meta.OccurredAt, a.Reason);
            })];
}
