using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Tests.Fixtures;
using Deliberation.Persistence;

namespace Deliberation.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SnapshotTests(ClusterFixture cluster)
{
    [Fact]
    public async Task StatementPastFiveHundredEventsIsSnapshottedAndReactivatesToTheSameState()
    {
        var (room, clauses) = await SeventeenClausesInDeliberationAsync();
        var positions = clauses.SelectMany((clause, c) => room.Delegates.Select((d, i) =>
            new ImportedPosition(d, clause, (i + c) % 6 == 0 ? PositionKind.Oppose : PositionKind.Support)));
        await room.MustAsync(new RecordImportedPositions([.. positions]), room.Convener);
        var snapshotVersion = (await room.StatementStateAsync()).Version;
        Assert.True(snapshotVersion > 500);

        // Events after the snapshot, so reactivation takes the snapshot and the tail.
        await room.TakeAsync(room.Delegates[0], clauses[0], PositionKind.Block);
        await room.TakeAsync(room.Delegates[1], clauses[1], PositionKind.Accept);
        var before = await room.StatementStateAsync();
        var consensusBefore = await room.ConsensusAsync();

        var snapshot = await cluster.Store.LoadSnapshotAsync(StreamIds.Statement(room.StatementId));
        Assert.NotNull(snapshot);
        Assert.Equal(snapshotVersion, snapshot.Version);
        // The snapshot is the state the events give at its version.
        var events = await cluster.Store.ReadStreamAsync(StreamIds.Statement(room.StatementId));
        var replayed = Statement.Replay(room.StatementId, events.Take((int)snapshot.Version)
            .Select(RecordedEvent.Decode).Select(r => ((StatementEvent)r.Event, r.Meta)));
        Assert.Equal(DomainJson.Serialize(replayed), DomainJson.Serialize(DomainJson.Deserialize<StatementState>(snapshot.StateJson)));

        await cluster.DeactivateAsync(room.Statement);

        Json.Equal(before, await room.StatementStateAsync());
        Json.Equal(consensusBefore, await room.ConsensusAsync());
        Assert.Equal(ClauseStatus.Blocked, (await room.ClauseConsensusAsync(clauses[0])).Status);
    }

    /// <summary>
    /// A snapshot is a cache: one that no longer reads (here cut off mid-state, as a disk-full write might leave
    /// it) fails as it is parsed from the row, and the grain replays the stream instead of failing to activate.
    /// </summary>
    [Fact]
    public async Task AStatementWhoseSnapshotNoLongerReadsReplaysItsEventsToTheSameState()
    {
        var (room, clauses) = await SeventeenClausesInDeliberationAsync();
        await room.MustAsync(new RecordImportedPositions([.. clauses.SelectMany(clause => room.Delegates.Select(d =>
            new ImportedPosition(d, clause, PositionKind.Support)))]), room.Convener);
        await room.TakeAsync(room.Delegates[0], clauses[0], PositionKind.Block);
        var before = await room.StatementStateAsync();
        var stream = StreamIds.Statement(room.StatementId);
        var stored = await cluster.Store.LoadSnapshotAsync(stream);
        Assert.NotNull(stored);
        var whole = DomainJson.Serialize(before);
        await cluster.Store.SaveSnapshotAsync(new Snapshot(stream, before.Version, whole[..(whole.Length / 2)], DateTimeOffset.UtcNow));

        await cluster.DeactivateAsync(room.Statement);

        Json.Equal(before, await room.StatementStateAsync());
        Assert.Equal(ClauseStatus.Blocked, (await room.ClauseConsensusAsync(clauses[0])).Status);
    }

    /// <summary>A room of 30 delegates with 17 clauses, in deliberation: a statement a few hundred positions take past its first snapshot.</summary>
    private async Task<(Room Room, List<Guid> Clauses)> SeventeenClausesInDeliberationAsync()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 30);
        var clauses = new List<Guid>();
        for (var c = 0; c < 17; c++)
            clauses.Add(await room.ClauseAsync($"Clause {c + 1}."));
        await room.MoveToAsync(Phase.Deliberation);
        return (room, clauses);
    }

    [Fact]
    public async Task DialoguePastFiveHundredEventsIsSnapshottedAndReactivatesToTheSameState()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 505);
        await room.MustAsync(new SetPhase(Phase.Deliberation), room.Facilitator);
        var before = await room.DialogueStateAsync();

        var snapshot = await cluster.Store.LoadSnapshotAsync(StreamIds.Dialogue(room.DialogueId));
        Assert.NotNull(snapshot);
        Assert.InRange(snapshot.Version, 501, before.Version);

        await cluster.DeactivateAsync(room.Dialogue);

        var after = await room.DialogueStateAsync();
        Assert.Equal(507, after.Roster.Count);
        Json.Equal(before, after);
    }
}
