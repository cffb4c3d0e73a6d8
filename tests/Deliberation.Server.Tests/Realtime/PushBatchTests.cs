using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Grains.Realtime;
using Deliberation.Domain.Statements;
using Deliberation.Server.Realtime;

namespace Deliberation.Server.Tests.Realtime;

public sealed class PushBatchTests
{
    private static readonly Guid Clause = Guid.NewGuid();
    private static readonly Guid OtherClause = Guid.NewGuid();
    private static readonly Guid Statement = Guid.NewGuid();

    internal static RecordedEventEnvelope Event(string stream, long version) =>
        new(stream, version, version, DateTimeOffset.UnixEpoch, Guid.Empty, $"hash-{version}", new PositionTaken(Guid.NewGuid(), Clause, null, 1, PositionKind.Support, null), $"salt-{version}", $"leaf-{version}");

    private static ClauseConsensus Figures(Guid clause, ClauseStatus status) =>
        new(clause, null, null, ClauseKind.Principle, 1, status, 0, 0, [], [], null);

    [Fact]
    public void EventsOfAWindowGoOutPerStreamInVersionOrderAndOnceEach()
    {
        var batch = new PushBatch();

        batch.Add([Event("statement-a", 3), Event("statement-a", 4)]);
        batch.Add([Event("dialogue-d", 7)]);
        batch.Add([Event("statement-a", 2)]);
        batch.Add([Event("statement-a", 4)]);

        var streams = batch.Events.ToList();
        Assert.Equal(2, streams.Count);
        Assert.Equal([2L, 3, 4], streams.Single(s => s[0].StreamId == "statement-a").Select(e => e.Version));
        Assert.Equal([7L], streams.Single(s => s[0].StreamId == "dialogue-d").Select(e => e.Version));
    }

    [Fact]
    public void ConsensusOfAWindowKeepsTheNewestFiguresOfEachClauseThatMoved()
    {
        var batch = new PushBatch();

        batch.Add(new ConsensusDelta(Statement, 10, [Figures(Clause, ClauseStatus.Contested), Figures(OtherClause, ClauseStatus.Contested)], false));
        batch.Add(new ConsensusDelta(Statement, 12, [Figures(Clause, ClauseStatus.Agreed)], true));
        // Arriving late, an older delta changes nothing it has been overtaken on.
        batch.Add(new ConsensusDelta(Statement, 11, [Figures(Clause, ClauseStatus.Blocked)], false));

        var delta = Assert.Single(batch.Consensus);
        Assert.Equal(12, delta.StatementVersion);
        Assert.True(delta.HasConsensus);
        Assert.Equal(ClauseStatus.Agreed, delta.Clauses.Single(c => c.ClauseId == Clause).Status);
        Assert.Equal(ClauseStatus.Contested, delta.Clauses.Single(c => c.ClauseId == OtherClause).Status);
    }

    [Fact]
    public void AnEmptyWindowHasNothingToSend()
    {
        var batch = new PushBatch();

        Assert.True(batch.IsEmpty);
        Assert.Empty(batch.Events);
        Assert.Empty(batch.Consensus);
    }
}
