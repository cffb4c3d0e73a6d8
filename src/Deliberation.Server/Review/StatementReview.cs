using System.Collections.Immutable;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.History;
using Deliberation.Domain.Review;
using Deliberation.Domain.Statements;
using Deliberation.Grains.History;
using Deliberation.Persistence;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Review;

/// <summary>
/// The review of one statement, as one viewer may see it (docs/api.md, "Review"; docs/security.md,
/// "Review"): the timeline of key moments, the statement at a moment, two moments compared, a
/// clause's story. Everything is read from the dialogue's history held in memory with checkpoints
/// (<see cref="ScopeHistories"/>), so no question replays the dialogue from its start.
/// </summary>
public sealed class StatementReview(ScopeHistories histories, IEventStore store)
{
    public async Task<ReviewAnswer<ReviewTimeline>> TimelineAsync(Viewer viewer, Guid statementId, Guid? clauseId, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken = default)
    {
        if (!Lists(viewer, statementId))
            return ReviewRules.UnknownStatement;
        if (kinds?.FirstOrDefault(k => !ReviewKinds.All.Contains(k)) is { } unknown)
            return ReviewRules.UnknownKind(unknown);
        var see = new ReviewVisibility(viewer);
        // The trace alone answers (its recorded moments, the events they were recorded at, its state at
        // the end), so after a start a stored trace and the events since stand in for the whole history.
        var (moments, dialogueVersion, statementVersion) = await histories.UseTraceAloneAsync(viewer.Dialogue.Id, statementId, trace =>
            (Moments(trace, see), trace.State.Dialogue.Version, trace.State.Statement(statementId).Version), cancellationToken);
        var shown = moments
            .Where(m => clauseId is null || m.ClauseId == clauseId)
            .Where(m => kinds is null || kinds.Contains(m.Kind))
            .ToImmutableArray();
        return new ReviewTimeline(shown, [.. (await HeadsAsync(viewer.Dialogue.Id, statementId, dialogueVersion, statementVersion, cancellationToken)).All()]);
    }

    public async Task<ReviewAnswer<ReviewSnapshot>> AtAsync(Viewer viewer, Guid statementId, long? moment, CancellationToken cancellationToken = default)
    {
        if (!Lists(viewer, statementId))
            return ReviewRules.UnknownStatement;
        var see = new ReviewVisibility(viewer);
        return await histories.UseAsync<ReviewAnswer<ReviewSnapshot>>(viewer.Dialogue.Id, scope =>
        {
            var index = moment is { } m ? see.IndexOf(scope.Replay, m) : see.LastSeen(scope.Replay);
            if (index < 0)
                return moment is { } asked ? ReviewRules.UnknownMoment(asked) : ReviewRules.NoMoments;
            return SnapshotAt(scope.Replay, index, statementId, see.Figures);
        }, cancellationToken);
    }

    public async Task<ReviewAnswer<ReviewComparison>> CompareAsync(Viewer viewer, Guid statementId, long from, long to, CancellationToken cancellationToken = default)
    {
        if (!Lists(viewer, statementId))
            return ReviewRules.UnknownStatement;
        if (from > to)
            return ReviewRules.CompareOrder;
        var see = new ReviewVisibility(viewer);
        return await histories.UseAsync<ReviewAnswer<ReviewComparison>>(viewer.Dialogue.Id, scope =>
        {
            var (fromIndex, toIndex) = (see.IndexOf(scope.Replay, from), see.IndexOf(scope.Replay, to));
            if (fromIndex < 0)
                return ReviewRules.UnknownMoment(from);
            if (toIndex < 0)
                return ReviewRules.UnknownMoment(to);
            return ReviewComparisons.Between(SnapshotAt(scope.Replay, fromIndex, statementId, see.Figures), SnapshotAt(scope.Replay, toIndex, statementId, see.Figures));
        }, cancellationToken);
    }

    public async Task<ReviewAnswer<ClauseStory>> StoryAsync(Viewer viewer, Guid statementId, Guid clauseId, CancellationToken cancellationToken = default)
    {
        if (!Lists(viewer, statementId))
            return ReviewRules.UnknownStatement;
        var see = new ReviewVisibility(viewer);
        return await histories.UseTraceAsync<ReviewAnswer<ClauseStory>>(viewer.Dialogue.Id, statementId, scope =>
        {
            var last = see.LastSeen(scope.Replay);
            if (last < 0 || scope.Replay.StateAfter(last).Statement(statementId).ClauseOrNull(clauseId) is not { } clause)
                return ReviewRules.UnknownClause;
            return ClauseStories.Of(clause, scope.Replay, scope.Trace(statementId), see, last);
        }, cancellationToken);
    }

    /// <summary>
    /// The history report's content for this viewer: her review's statement (as she may see it now),
    /// each clause's story, her timeline and the heads (docs/api.md, "Review").
    /// </summary>
    /// <param name="words">The report's wording in the reader's interface language; English when null.</param>
    public async Task<ReviewAnswer<HistoryReport>> ReportAsync(Viewer viewer, Guid statementId, CancellationToken cancellationToken = default, Documents.ExportWords? words = null)
    {
        if (!Lists(viewer, statementId))
            return ReviewRules.UnknownStatement;
        var see = new ReviewVisibility(viewer);
        var gathered = await histories.UseTraceAsync(viewer.Dialogue.Id, statementId, scope =>
        {
            var last = see.LastSeen(scope.Replay);
            if (last < 0)
                return (ReportParts?)null;
            var trace = scope.Trace(statementId);
            var state = scope.Replay.StateAfter(last);
            var statement = state.Statement(statementId);
            var end = scope.Replay.StateAfter(scope.Replay.Count - 1);
            var snapshot = SnapshotAt(scope.Replay, last, statementId, see.Figures);
            var clauses = statement.OrderedClauses.Where(c => !c.Withdrawn)
                .Select((c, i) => new ReportedClause(i + 1, c.Text, ClauseStories.Of(c, scope.Replay, trace, see, last)))
                .ToList();
            return new ReportParts(state.Dialogue, statement, snapshot.Consensus, clauses, Moments(trace, see), end.Dialogue.Version, end.Statement(statementId).Version);
        }, cancellationToken);
        if (gathered is null)
            return ReviewRules.NoMoments;
        var heads = await HeadsAsync(viewer.Dialogue.Id, statementId, gathered.DialogueVersion, gathered.StatementVersion, cancellationToken);
        var document = Documents.StatementDocument.From(gathered.Dialogue, gathered.Statement, gathered.Consensus, clean: false, heads, words: words);
        return new HistoryReport(document, gathered.Clauses, [.. gathered.Moments], heads, $"/api/dialogues/{viewer.Dialogue.Id}/events?format=jsonl");
    }

    /// <summary>The statement at the event of <paramref name="index"/>, the matrix as figures of <paramref name="seen"/>.</summary>
    public static ReviewSnapshot SnapshotAt(ScopeReplay replay, int index, Guid statementId, FiguresSeen seen)
    {
        var e = replay[index];
        var state = replay.StateAfter(index);
        var statement = state.Statement(statementId);
        var at = e.Meta.OccurredAt;
        var consensus = seen == FiguresSeen.Live
            ? ConsensusCalculator.Compute(state.Dialogue, statement, at)
            : Disclosure.Released(statement, state.Dialogue, at);
        var statuses = consensus.Clauses.ToDictionary(c => c.ClauseId, c => c.Status);
        var clauses = statement.OrderedClauses.Select(c => new ReviewClause(
            c.Id, c.Kind, c.ExternalId, c.Text, [.. c.Bracketed.Slots], c.CurrentRevision, c.Current.Kind, c.Withdrawn, statuses[c.Id]));
        return new ReviewSnapshot(e.Position, at, state.Dialogue.Phase, statement.Title, [.. clauses], consensus);
    }

    /// <summary>The key moments she may see, oldest first; status moments from the figures she saw.</summary>
    public static IReadOnlyList<ReviewMoment> Moments(ReviewTrace trace, ReviewVisibility see)
    {
        var moments = new List<(int Index, int Order, ReviewMoment Moment)>();
        foreach (var m in trace.Moments)
        {
            var e = trace.EventAt(m.Index);
            if (see.Sees(e))
                moments.Add((m.Index, 0, new ReviewMoment(e.Position, e.Meta.OccurredAt, KindOf(m.Kind), m.ClauseId, m.Summary, m.Detail, see.ActorOf(e), m.Phrase)));
        }
        foreach (var s in trace.Standings(see.Figures))
        {
            var e = trace.EventAt(s.Index);
            // A status change has no actor: at a position it would name the voter.
            if (see.Sees(e))
                moments.Add((s.Index, 1, new ReviewMoment(e.Position, e.Meta.OccurredAt, ReviewKinds.Status, s.ClauseId, s.Summary, s.Detail, null, s.Phrase, s.DetailPhrase)));
        }
        return [.. moments.OrderBy(m => m.Index).ThenBy(m => m.Order).Select(m => m.Moment)];
    }

    public static string KindOf(MomentKind kind) => kind switch
    {
        MomentKind.Phase => ReviewKinds.Phase,
        MomentKind.RevisionSubstantive => ReviewKinds.RevisionSubstantive,
        MomentKind.RevisionEditorial => ReviewKinds.RevisionEditorial,
        MomentKind.AmendmentDecided => ReviewKinds.AmendmentDecided,
        MomentKind.BracketResolved => ReviewKinds.BracketResolved,
        MomentKind.Release => ReviewKinds.Release,
        MomentKind.Status => ReviewKinds.Status,
        MomentKind.Freeze => ReviewKinds.Freeze,
        MomentKind.Signature => ReviewKinds.Signature,
        MomentKind.Withdrawal => ReviewKinds.Withdrawal,
        MomentKind.ClauseAdded => ReviewKinds.ClauseAdded,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public async Task<HistoryHeads> HeadsAsync(Guid dialogueId, Guid statementId, long dialogueVersion, long statementVersion, CancellationToken cancellationToken = default) =>
        new(await store.HeadAtAsync(StreamIds.Dialogue(dialogueId), dialogueVersion, cancellationToken),
            await store.HeadAtAsync(StreamIds.Statement(statementId), statementVersion, cancellationToken));

    private static bool Lists(Viewer viewer, Guid statementId) => viewer.Dialogue.Statements.Any(s => s.Id == statementId);

    private sealed record ReportParts(
        Domain.Dialogues.DialogueState Dialogue, StatementState Statement, StatementConsensus Consensus, List<ReportedClause> Clauses,
        IReadOnlyList<ReviewMoment> Moments, long DialogueVersion, long StatementVersion);
}
