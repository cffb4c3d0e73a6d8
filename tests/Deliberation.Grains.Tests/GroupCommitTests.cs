using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Tests.Fixtures;

namespace Deliberation.Grains.Tests;

/// <summary>
/// Group commit in the statement grain (docs/performance.md, "What was done about it"): commands
/// that arrive while a commit is in flight are decided together and committed in one transaction,
/// yet each is answered as if it had come alone — its own version, its own refusal — and only once
/// its events are stored.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupCommitTests(ClusterFixture cluster)
{
    private const int Delegates = 60;

    [Fact]
    public async Task ABurstOfPositionsIsCommittedInFewerCommitsThanCommandsEachAnsweredWithItsOwnVersion()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: Delegates);
        var clause = await room.ClauseAsync("Compute thresholds are reviewed yearly.");
        await room.MoveToAsync(Phase.Deliberation);
        await cluster.Calls.SettledSinceAsync(0, room.DialogueId, room.StatementId);
        var before = (await room.StatementStateAsync()).Version;
        var mark = cluster.Calls.Mark();

        // Every fifth asks for a revision the clause does not have: refused, and only it.
        var sent = room.Delegates.Select((member, i) => (Member: member, Valid: i % 5 != 4)).ToList();
        var answers = await Task.WhenAll(sent.Select(s =>
            room.Statement.ExecuteAsync(room.DialogueId, new TakePosition(clause, s.Valid ? 1 : 9, PositionKind.Support), s.Member)));

        var outcomes = sent.Zip(answers, (s, outcome) => (s.Member, s.Valid, Outcome: outcome)).ToList();
        Assert.All(outcomes.Where(o => !o.Valid), o => Assert.Equal("revision.unknown", o.Outcome.Error?.Rule));
        Assert.All(outcomes.Where(o => o.Valid), o => Assert.True(o.Outcome.Accepted, $"{o.Outcome.Error}"));

        // Acknowledged means stored: read from the database, outside the silos.
        var stored = (await cluster.Store.ReadStreamAsync(StreamIds.Statement(room.StatementId), before))
            .Select(RecordedEvent.Decode).ToList();
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(v => before + v), stored.Select(e => e.Meta.Version));
        var accepted = outcomes.Where(o => o.Valid).OrderBy(o => o.Outcome.Version).ToList();
        Assert.Equal(accepted.Count, accepted.Select(o => o.Outcome.Version).Distinct().Count());
        Assert.Equal(stored[^1].Meta.Version, accepted[^1].Outcome.Version);
        // Each answer names its own commit: the events after the previous answer up to its version
        // are its own position (and the release it completed), nobody else's.
        var previous = before;
        foreach (var (member, _, outcome) in accepted)
        {
            var own = stored.Where(e => e.Meta.Version > previous && e.Meta.Version <= outcome.Version).ToList();
            var position = Assert.Single(own, e => e.Event is PositionTaken);
            Assert.Equal(member, ((PositionTaken)position.Event).ParticipantId);
            Assert.All(own.Where(e => e.Event is not PositionTaken), e => Assert.IsType<FiguresReleased>(e.Event));
            previous = outcome.Version;
        }
        Assert.DoesNotContain(stored, e => e.Event is PositionTaken p && outcomes.Any(o => !o.Valid && o.Member == p.ParticipantId));
        Assert.Equal(accepted.Count, (await room.StatementStateAsync()).Clauses[clause].Positions.Count);

        // One dialogue read and one publish per commit, not per command: the burst was grouped.
        var calls = await cluster.Calls.SettledSinceAsync(mark, room.DialogueId);
        Assert.InRange(calls.GetValueOrDefault("IDialogueGrain.PublishAsync"), 1, accepted.Count - 1);
        Assert.InRange(calls.GetValueOrDefault("IDialogueGrain.GetStateAsync"), 1, sent.Count - 1);
        Json.Equal(await room.RecomputedConsensusAsync(), await room.ConsensusAsync());
    }

    [Fact]
    public async Task ABatchInAGroupIsStillAllOrNothing()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 6);
        var clause = await room.ClauseAsync("Compute thresholds are reviewed yearly.");
        await room.MoveToAsync(Phase.Deliberation);

        // A batch whose second command is refused stores nothing of its first, while the lone commands beside it commit.
        var batch = room.Statement.ExecuteBatchAsync(room.DialogueId,
            [new TakePosition(clause, 1, PositionKind.Oppose), new TakePosition(clause, 9, PositionKind.Support)], room.Delegates[0]);
        var lone = room.Delegates.Skip(1).Select(d => room.Statement.ExecuteAsync(room.DialogueId, new TakePosition(clause, 1, PositionKind.Accept), d)).ToList();

        Assert.Equal("revision.unknown", (await batch).Error?.Rule);
        Assert.All(await Task.WhenAll(lone), o => Assert.True(o.Accepted, $"{o.Error}"));
        var positions = (await room.StatementStateAsync()).Clauses[clause].Positions;
        Assert.DoesNotContain(room.Delegates[0], positions.Keys);
        Assert.Equal(room.Delegates.Count - 1, positions.Count);
    }
}
