using CsCheck;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>
/// Positions taken in place (<see cref="PositionRun"/>) build the statement the domain's apply of each gives,
/// whatever the room before them (random histories: revisions, brackets, releases, earlier positions) and
/// whoever takes them (members, newcomers to the statement's numbering, the same person again).
/// </summary>
public sealed class PositionRunTests
{
    private static readonly Gen<(int Who, int Clause, int Kind, int Stale, int Note)[]> Positions =
        Gen.Select(Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[0, 4], Gen.Int[0, 3], Gen.Int[0, 4]).Array[1, 80];

    [Fact]
    public void ARunBuildsWhatTheDomainAppliesOfEachPosition() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops, Positions).Sample((seats, rule, ops, positions) =>
        {
            var dialogue = ReviewPropertyTests.History(seats, rule, ops);
            var start = dialogue.Statement;
            var clauses = start.ClauseOrder;
            var people = dialogue.Dialogue.Roster.Keys.Concat(Enumerable.Range(0, 5).Select(_ => Guid.NewGuid())).ToArray();
            var (applied, run, taken) = (start, new PositionRun(start), 0);
            foreach (var (p, i) in positions.Select((p, i) => (p, i)))
            {
                var clause = start.Clauses[clauses[p.Clause % clauses.Count]];
                var revision = p.Stale == 0 ? Math.Max(1, clause.CurrentRevision - 1) : clause.CurrentRevision;
                var e = new PositionTaken(people[p.Who % people.Length], clause.Id, null, revision, (PositionKind)p.Kind, p.Note == 0 ? $"note {i}" : null);
                var meta = new EventMeta(applied.Version + 1, DialogueBuilder.Opening.AddMinutes(p.Note == 1 ? 0 : i), dialogue.Facilitator);
                var before = applied.Clauses[clause.Id].Positions.TryGetValue(e.ParticipantId, out var was) ? was : null;
                applied = Statement.Apply(applied, e, meta);

                Assert.True(run.TryTake(e, meta, out var previous));
                Assert.Equal(before, previous);
                taken++;
            }

            Assert.Equal(DomainJson.Serialize(applied), DomainJson.Serialize(run.Build()));
            Assert.Equal(start.Version + taken, applied.Version);
        }, iter: 200);

    [Fact]
    public void APositionOnAnOptionOrAnUnknownClauseIsLeftToTheDomainAndChangesNothing()
    {
        var dialogue = new DialogueBuilder();
        var members = dialogue.AddDelegates(3);
        var clause = dialogue.Clause("AI systems must not [self-replicate | acquire resources] without oversight.");
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(members[0], clause, PositionKind.Support);
        var start = dialogue.Statement;
        var run = new PositionRun(start);
        var meta = new EventMeta(start.Version + 1, DialogueBuilder.Opening, members[1]);

        Assert.False(run.TryTake(new PositionTaken(members[1], clause, "1.1", 1, PositionKind.Oppose, null), meta, out _));
        Assert.False(run.TryTake(new PositionTaken(members[1], Guid.NewGuid(), null, 1, PositionKind.Oppose, null), meta, out _));

        Assert.True(run.IsEmpty);
        Assert.Same(start, run.Build());
    }
}
