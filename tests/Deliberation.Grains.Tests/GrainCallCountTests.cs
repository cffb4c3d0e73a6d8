using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Tests.Fixtures;
using Deliberation.Server.Services;
using Xunit.Abstractions;

namespace Deliberation.Grains.Tests;

/// <summary>
/// How many grain calls one action costs, counted on the silos: one delegate's position taken
/// through <see cref="DialogueService"/> as the hub sends it, and the reads a room join needs.
/// The figures, before and after the single command pipeline, are in docs/performance.md.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainCallCountTests(ClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task TakePositionCallsTheStatementOnceAndTheDialogueForOneReadAndOnePublish()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 4);
        var clause = await room.ClauseAsync("Compute thresholds are reviewed yearly.");
        var opening = cluster.Calls.Mark();
        await room.MoveToAsync(Phase.Deliberation);
        // The phase change asks the statement for a release one-way; let that settle before counting.
        await cluster.Calls.SettledSinceAsync(opening, room.DialogueId, room.StatementId);
        var service = new DialogueService(cluster.Client);

        var mark = cluster.Calls.Mark();
        Room.AssertAccepted(await service.ExecuteAsync(room.DialogueId, room.StatementId, new TakePosition(clause, 1, PositionKind.Support), room.Delegates[0]));
        var calls = await cluster.Calls.SettledSinceAsync(mark, room.DialogueId, room.StatementId);

        // Before: the service and then the statement each read the dialogue, and the statement
        // published twice (events, then consensus): 5 calls.
        output.WriteLine(string.Join(", ", calls.Select(c => $"{c.Key} {c.Value}")));
        Assert.Equal(new Dictionary<string, int>
        {
            ["IDialogueGrain.GetStateAsync"] = 1,
            ["IDialogueGrain.PublishAsync"] = 1,
            ["IStatementGrain.ExecuteAsync"] = 1,
        }, calls);
    }

    [Fact]
    public async Task RoomSnapshotIsOneDialogueQueryAndOneQueryPerStatement()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 4);
        var second = Guid.NewGuid();
        var service = new DialogueService(cluster.Client);
        Room.AssertAccepted((await service.AddStatementAsync(room.DialogueId, "Second statement", room.Convener, second)).Outcome);
        await room.ClauseAsync("Compute thresholds are reviewed yearly.");
        var opening = cluster.Calls.Mark();
        await room.MoveToAsync(Phase.Deliberation);
        // The phase change asks each statement for a release one-way; let that settle before counting.
        await cluster.Calls.SettledSinceAsync(opening, room.DialogueId, room.StatementId, second);

        var mark = cluster.Calls.Mark();
        var snapshot = await service.GetRoomSnapshotAsync(room.DialogueId);
        var calls = await cluster.Calls.SettledSinceAsync(mark, room.DialogueId, room.StatementId, second);

        // Before: the join read the dialogue, then each statement's version (2 calls), then each
        // statement and its consensus (4 calls, the consensus reading the dialogue again): 1 + 6 per statement.
        output.WriteLine(string.Join(", ", calls.Select(c => $"{c.Key} {c.Value}")));
        Assert.Equal(new Dictionary<string, int>
        {
            ["IDialogueGrain.GetStateAsync"] = 1,
            ["IStatementGrain.GetSnapshotAsync"] = 2,
        }, calls);
        Assert.NotNull(snapshot);
        Assert.Equal([room.StatementId, second], snapshot.Statements.Select(s => s.State.Id));
    }
}
