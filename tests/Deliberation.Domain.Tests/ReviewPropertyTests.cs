using System.Collections.Immutable;
using CsCheck;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Review;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>
/// The review's engine on random histories (positions, ranges, revisions, amendments, brackets,
/// releases, phases, roster changes): what it answers at any moment is what a full replay to that
/// moment gives, its status changes are the statuses computed afresh at every event, and the
/// spacing of checkpoints changes nothing (docs/domain.md, "Review").
/// </summary>
public sealed class ReviewPropertyTests
{
    private const int Iterations = 100;

    private static readonly Gen<int> Spacing = Gen.OneOf(Gen.Const(1), Gen.Int[2, 9], Gen.Const(ScopeReplay.DefaultCheckpointEvery));

    [Fact]
    public void TheStateAtEveryMomentIsAFullReplayToIt() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops, Spacing).Sample((seats, rule, ops, spacing) =>
        {
            var dialogue = History(seats, rule, ops);
            var replay = new ScopeReplay(dialogue.DialogueId, spacing);
            replay.Append(dialogue.Scope);
            // Sometimes the checkpoints come from a trace's pass, as on the server's first question.
            if (dialogue.Scope.Count % 2 == 0)
                new ReviewTrace(dialogue.DialogueId, dialogue.StatementId, replay.Offer).Advance(dialogue.Scope, 0);
            // In a shuffled order, so checkpoints are built from any point, not only front to back.
            foreach (var index in Enumerable.Range(-1, dialogue.Scope.Count + 1).OrderBy(i => (i * 7919) % 101))
            {
                var fromCheckpoint = replay.StateAfter(index);
                var full = FullReplay(dialogue, index);
                Assert.Equal(DomainJson.Serialize(full.Dialogue), DomainJson.Serialize(fromCheckpoint.Dialogue));
                Assert.Equal(DomainJson.Serialize(full.Statement(dialogue.StatementId)), DomainJson.Serialize(fromCheckpoint.Statement(dialogue.StatementId)));
            }
        }, iter: Iterations);

    [Fact]
    public void StatusChangesAreTheStatusesComputedAtEveryEvent() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops, Gen.Int[1, 40]).Sample((seats, rule, ops, batch) =>
        {
            var dialogue = History(seats, rule, ops);
            var trace = new ReviewTrace(dialogue.DialogueId, dialogue.StatementId);
            // Read in batches, as new events arrive: following a growing history changes nothing either.
            for (var from = 0; from < dialogue.Scope.Count; from += batch)
                trace.Advance([.. dialogue.Scope.Skip(from).Take(batch)], from);

            var (live, released) = StandingsComputedAfresh(dialogue);
            Assert.Equal(Describe(live), Describe(trace.Live));
            Assert.Equal(Describe(released), Describe(trace.Released));
            Assert.NotEmpty(trace.Live); // the histories do move statuses: the test is not vacuous
            // Positions taken in place between other events build the state a full replay gives.
            var full = FullReplay(dialogue, dialogue.Scope.Count - 1);
            Assert.Equal(DomainJson.Serialize(full.Statement(dialogue.StatementId)), DomainJson.Serialize(trace.State.Statement(dialogue.StatementId)));
            Assert.Equal(DomainJson.Serialize(full.Dialogue), DomainJson.Serialize(trace.State.Dialogue));
        }, iter: Iterations);

    [Fact]
    public void KeyMomentsNameEveryRevisionAmendmentDecisionReleaseAndPhase() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops).Sample((seats, rule, ops) =>
        {
            var dialogue = History(seats, rule, ops);
            var trace = new ReviewTrace(dialogue.DialogueId, dialogue.StatementId);
            trace.Advance(dialogue.Scope, 0);
            var expected = dialogue.Scope.Select((e, i) => (e.Event, Index: i)).Where(e => e.Event is PhaseChanged or ClauseAdded or ClauseRevised
                or AmendmentAccepted or AmendmentDeclined or ClauseWithdrawn or StatementFrozen or StatementSigned or SignatureWithdrawn
                || e.Event is FiguresReleased { Clauses.Length: > 0 }).Select(e => e.Index).Distinct();
            Assert.Equal(expected, trace.Moments.Select(m => m.Index).Distinct());
        }, iter: Iterations);

    [Fact]
    public void ATraceStoredAndRestoredMidwayEndsAsTheTraceReadInOnePass() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops, Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((seats, rule, ops, first, second) =>
        {
            var dialogue = History(seats, rule, ops);
            var whole = new ReviewTrace(dialogue.DialogueId, dialogue.StatementId);
            whole.Advance(dialogue.Scope, 0);

            // Two restarts at random points: each time the trace goes through the store's JSON, as after a server start.
            var count = dialogue.Scope.Count;
            var (stop1, stop2) = (first * count / 1000, Math.Max(first, second) * count / 1000);
            var resumed = new ReviewTrace(dialogue.DialogueId, dialogue.StatementId);
            foreach (var (from, to) in new[] { (0, stop1), (stop1, stop2), (stop2, count) })
            {
                resumed = ReviewTrace.Restore(DomainJson.Deserialize<ReviewTraceSnapshot>(DomainJson.Serialize(resumed.Snapshot())));
                resumed.Advance([.. dialogue.Scope.Skip(from).Take(to - from)], from);
            }

            Assert.Equal(DomainJson.Serialize(whole.Moments), DomainJson.Serialize(resumed.Moments));
            Assert.Equal(DomainJson.Serialize(whole.Live), DomainJson.Serialize(resumed.Live));
            Assert.Equal(DomainJson.Serialize(whole.Released), DomainJson.Serialize(resumed.Released));
            Assert.Equal(DomainJson.Serialize(whole.State.Dialogue), DomainJson.Serialize(resumed.State.Dialogue));
            Assert.Equal(DomainJson.Serialize(whole.State.Statement(dialogue.StatementId)), DomainJson.Serialize(resumed.State.Statement(dialogue.StatementId)));
            Assert.Equal((whole.Read, whole.LastPosition), (resumed.Read, resumed.LastPosition));
            var (a, b) = (whole.Snapshot(), resumed.Snapshot());
            Assert.Equal(a.Revisions.OrderBy(r => r.Index), b.Revisions.OrderBy(r => r.Index));
            Assert.Equal(a.Proposals.OrderBy(p => p.Value), b.Proposals.OrderBy(p => p.Value));
            Assert.Equal(a.Decisions.OrderBy(p => p.Value), b.Decisions.OrderBy(p => p.Value));
            Assert.Equal(DomainJson.Serialize(a.Marked.OrderBy(m => m.Key)), DomainJson.Serialize(b.Marked.OrderBy(m => m.Key)));
            Assert.Equal(a.StreamVersions.OrderBy(v => v.Key), b.StreamVersions.OrderBy(v => v.Key));
            // The events named by moments and standings are at hand without the history: a timeline needs no more.
            foreach (var index in resumed.Moments.Select(m => m.Index).Concat(resumed.Live.Select(l => l.Index)).Concat(resumed.Released.Select(r => r.Index)))
                Assert.Same(dialogue.Scope[index].Event.GetType(), resumed.EventAt(index).Event.GetType());
            Assert.Equal(dialogue.Scope.Where(e => e.StatementId is not null).Select(e => e.Meta.Version).DefaultIfEmpty().Max(), resumed.VersionOf(dialogue.StatementId));
            Assert.NotEmpty(resumed.Live); // the histories do move statuses: the test is not vacuous
        }, iter: Iterations);

    [Fact]
    public void ATraceFollowedInAnyPagesWithSavesAndRestartsEndsAsTheTraceReadInOnePass() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops, Gen.Int[1, 12].Array[1, 20], Gen.Int[1, 30], Gen.Bool.Array[1, 20]).Sample((seats, rule, ops, pages, saveEvery, restarts) =>
        {
            var dialogue = History(seats, rule, ops);
            var whole = new ReviewTrace(dialogue.DialogueId, dialogue.StatementId);
            whole.Advance(dialogue.Scope, 0);

            // The follower (docs/architecture.md, "Review"): pages of any size, a save through the store's JSON
            // whenever saveEvery events were read since the last, and at any page a restart, which goes on from
            // the last save (not from where the lost trace was) and reads again what that trace had read.
            // At most three restarts: a restart goes back to the last save, and small pages with a large
            // saveEvery would otherwise restart before ever saving, for ever.
            string? stored = null;
            var savedAt = 0;
            var restartsLeft = 3;
            var followed = new ReviewTrace(dialogue.DialogueId, dialogue.StatementId);
            for (var page = 0; followed.Read < dialogue.Scope.Count; page++)
            {
                if (restarts[page % restarts.Length] && page % 3 == 0 && restartsLeft-- > 0)
                {
                    followed = stored is null ? new ReviewTrace(dialogue.DialogueId, dialogue.StatementId)
                        : ReviewTrace.Restore(DomainJson.Deserialize<ReviewTraceSnapshot>(stored));
                    savedAt = followed.Read;
                }
                followed.Advance([.. dialogue.Scope.Skip(followed.Read).Take(pages[page % pages.Length])], followed.Read);
                if (followed.Read - savedAt >= saveEvery)
                    (stored, savedAt) = (DomainJson.Serialize(followed.Snapshot()), followed.Read);
            }

            AssertSameTrace(dialogue, whole, followed);
            Assert.NotEmpty(followed.Live); // the histories do move statuses: the test is not vacuous
        }, iter: Iterations);

    [Fact]
    public void ATraceStoredInPartsJoinsBackToTheWholeTraceAndOnlyWithItsOwnParts() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops, Gen.Int[1, 40], Gen.Int[0, 1000]).Sample((seats, rule, ops, partSize, stored) =>
        {
            var dialogue = History(seats, rule, ops);
            var trace = new ReviewTrace(dialogue.DialogueId, dialogue.StatementId, partSize: partSize);
            trace.Advance(dialogue.Scope, 0);
            var whole = trace.Snapshot();
            Assert.Equal(dialogue.Scope.Count / partSize, whole.PartEnds.Length);
            Assert.Equal(whole.PartEnds, Enumerable.Range(1, whole.PartEnds.Length).Select(p => dialogue.Scope[p * partSize - 1].Position));

            // Stored as a save does after some parts were stored already: only the parts after them are made again.
            var known = stored * whole.PartEnds.Length / 1000;
            var (_, later) = StoredReviewTrace.Split(whole, known);
            Assert.Equal(Enumerable.Range(known, whole.PartEnds.Length - known).Select(p => p * partSize), later.Select(p => p.From));
            var (head, parts) = StoredReviewTrace.Split(whole, 0);
            Assert.Equal(DomainJson.Serialize(parts.Skip(known)), DomainJson.Serialize(later));
            // Each part holds what was recorded at its own events, the head what came after the last part.
            foreach (var part in parts)
            {
                Assert.All(part.Moments.Select(m => m.Index).Concat(part.Live.Select(l => l.Index)).Concat(part.Released.Select(r => r.Index))
                    .Concat(part.Revisions.Select(r => r.Index)).Concat(part.Marked.Keys), i => Assert.InRange(i, part.From, part.From + partSize - 1));
            }
            Assert.All(head.Moments.Select(m => m.Index).Concat(head.Marked.Keys), i => Assert.True(i >= whole.PartEnds.Length * partSize));

            // Through the store's JSON and back: the whole trace, and read on it ends as one pass.
            var readBack = StoredReviewTrace.Join(DomainJson.Deserialize<ReviewTraceSnapshot>(DomainJson.Serialize(head)),
                [.. parts.Select(p => DomainJson.Deserialize<ReviewTracePart>(DomainJson.Serialize(p)))]);
            Assert.NotNull(readBack);
            var resumed = ReviewTrace.Restore(readBack);
            AssertSameTrace(dialogue, trace, resumed);
            Assert.Equal(DomainJson.Serialize(whole.Marked.OrderBy(m => m.Key)), DomainJson.Serialize(readBack.Marked.OrderBy(m => m.Key)));
            Assert.Equal(whole.Revisions.OrderBy(r => r.Index), readBack.Revisions.OrderBy(r => r.Index));

            // A part missing, or one stored for another reading of the history (another last position), joins to nothing.
            if (parts.Count > 0)
            {
                Assert.Null(StoredReviewTrace.Join(head, [.. parts.Skip(1)]));
                Assert.Null(StoredReviewTrace.Join(head, [.. parts.Select((p, i) => i == parts.Count - 1 ? p with { LastPosition = p.LastPosition + 1 } : p)]));
                Assert.Null(StoredReviewTrace.Join(head, [.. parts.Select((p, i) => i == 0 ? null : p)]));
            }
        }, iter: Iterations);

    private static void AssertSameTrace(DialogueBuilder dialogue, ReviewTrace whole, ReviewTrace resumed)
    {
        Assert.Equal(DomainJson.Serialize(whole.Moments), DomainJson.Serialize(resumed.Moments));
        Assert.Equal(DomainJson.Serialize(whole.Live), DomainJson.Serialize(resumed.Live));
        Assert.Equal(DomainJson.Serialize(whole.Released), DomainJson.Serialize(resumed.Released));
        Assert.Equal(DomainJson.Serialize(whole.State.Dialogue), DomainJson.Serialize(resumed.State.Dialogue));
        Assert.Equal(DomainJson.Serialize(whole.State.Statement(dialogue.StatementId)), DomainJson.Serialize(resumed.State.Statement(dialogue.StatementId)));
        Assert.Equal((whole.Read, whole.LastPosition), (resumed.Read, resumed.LastPosition));
        var (a, b) = (whole.Snapshot(), resumed.Snapshot());
        Assert.Equal(a.Revisions.OrderBy(r => r.Index), b.Revisions.OrderBy(r => r.Index));
        Assert.Equal(a.Proposals.OrderBy(p => p.Value), b.Proposals.OrderBy(p => p.Value));
        Assert.Equal(a.Decisions.OrderBy(p => p.Value), b.Decisions.OrderBy(p => p.Value));
        Assert.Equal(DomainJson.Serialize(a.Marked.OrderBy(m => m.Key)), DomainJson.Serialize(b.Marked.OrderBy(m => m.Key)));
        Assert.Equal(a.StreamVersions.OrderBy(v => v.Key), b.StreamVersions.OrderBy(v => v.Key));
    }

    /// <summary>A random history: the room, then ops read as statement commands, phase moves, releases and new members.</summary>
    internal static DialogueBuilder History((int Role, int Region, int Sector)[] seats, ConsensusRule rule, (int Kind, int A, int B, int C)[] ops)
    {
        var (dialogue, members) = RandomRoom.Build(seats, rule);
        var clauses = RandomRoom.Clauses(dialogue);
        dialogue.InPhase(Phase.Drafting);
        foreach (var op in ops)
        {
            switch (op.A % 13)
            {
                case 0:
                    dialogue.Decide(new SetPhase(dialogue.Dialogue.Phase == Phase.Drafting ? Phase.Deliberation : Phase.Drafting), dialogue.Facilitator);
                    continue;
                case 1:
                    dialogue.Decide(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clauses[op.B % clauses.Length], Force: op.C % 2 == 0), dialogue.Facilitator);
                    continue;
                case 2:
                    members = [.. members, dialogue.AddMember(Role.Delegate, op.B % 2 == 0 ? DialogueBuilder.China : DialogueBuilder.Europe, DialogueBuilder.Industry)];
                    continue;
            }
            var (command, actor) = RandomRoom.Read(dialogue, members, clauses, op, wild: false);
            // Positions as the grain commits them: with the threshold release they may complete.
            if (command is TakePosition or StateRange)
                dialogue.DecideAsTheGrain([command], actor);
            else
                dialogue.Decide(command, actor);
        }
        return dialogue;
    }

    private static ScopeState FullReplay(DialogueBuilder dialogue, int index) =>
        new(Dialogue.Replay(dialogue.DialogueId, dialogue.Scope.Take(index + 1).Where(e => e.StatementId is null).Select(e => ((DialogueEvent)e.Event, e.Meta))),
            ImmutableDictionary<Guid, StatementState>.Empty.Add(dialogue.StatementId,
                Statement.Replay(dialogue.StatementId, dialogue.Scope.Take(index + 1).Where(e => e.StatementId is not null).Select(e => ((StatementEvent)e.Event, e.Meta)))));

    /// <summary>Each clause's standing computed from scratch after every event, kept where it changed.</summary>
    private static (List<ClauseStanding> Live, List<ClauseStanding> Released) StandingsComputedAfresh(DialogueBuilder dialogue)
    {
        var live = new List<ClauseStanding>();
        var released = new List<ClauseStanding>();
        var lastLive = new Dictionary<Guid, ClauseStanding>();
        var lastReleased = new Dictionary<Guid, ClauseStanding>();
        for (var i = 0; i < dialogue.Scope.Count; i++)
        {
            var state = FullReplay(dialogue, i);
            var statement = state.Statement(dialogue.StatementId);
            if (!statement.Exists)
                continue;
            var roster = new RosterIndex(state.Dialogue);
            foreach (var clause in statement.OrderedClauses)
            {
                Keep(i, clause.Id, ConsensusCalculator.EvaluateClause(roster, state.Dialogue.Rules, clause), lastLive, live);
                Keep(i, clause.Id, Disclosure.Released(clause, state.Dialogue, roster), lastReleased, released);
            }
        }
        return (live, released);
    }

    private static void Keep(int index, Guid clauseId, ClauseConsensus figures, Dictionary<Guid, ClauseStanding> last, List<ClauseStanding> kept)
    {
        var (rows, needs, zone, best) = ClauseStanding.Of(figures);
        if (last.GetValueOrDefault(clauseId) is { } previous && previous.SameStandingAs(rows, zone))
            return;
        var standing = new ClauseStanding(index, clauseId, rows, needs, zone, best, "", null);
        last[clauseId] = standing;
        kept.Add(standing);
    }

    private static IEnumerable<string> Describe(IEnumerable<ClauseStanding> standings) =>
        standings.OrderBy(s => s.Index).ThenBy(s => s.ClauseId).Select(s =>
            $"{s.Index} {s.ClauseId}: {string.Join(", ", s.Rows.Select(r => $"{r.Name}={r.Status}/{r.Share}/{r.Needed}"))}; needs {string.Join(", ", s.Needs.Select(n => $"{n.Group}+{n.Needed}"))}; zone {string.Join(", ", s.Zone)} best {s.BestValue}");
}
