using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Tests.Fixtures;
using Deliberation.Server.Services;
using Xunit.Abstractions;

namespace Deliberation.Grains.Tests;

/// <summary>
/// How many grain calls one action costs, counted on the silos: one delegate's position taken
/// through <see cref="DialogueService"/> as the hub sends it, and the reads a room join needs.
/// The figures are in docs/performance.md.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainCallCountTests(ClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task TakePositionCallsTheStatementOnceAndTheDialogueForOneReadAndOnePublish()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 4);
        var clause = await room.ClauseAsync("Compute thresholds are reviewed yearly.");
        await room.MoveToAsync(Phase.Deliberation);
        var service = new DialogueService(cluster.Client);

        var mark = cluster.Calls.Mark();
        Room.AssertAccepted(await service.ExecuteAsync(room.DialogueId, room.StatementId, new TakePosition(clause, 1, PositionKind.Support), room.Delegates[0]));
        var calls = await cluster.Calls.SettledSinceAsync(mark, room.DialogueId, room.StatementId);

        output.WriteLine(string.Join(", ", calls.Select(c => $"{c.Key} {c.Value}")));
        Assert.Equal(new Dictionary<string, int>
        {
            ["IDialogueGrain.GetStateAsync"] = 2,
            ["IDialogueGrain.PublishAsync"] = 1,
            ["IDialogueGrain.PublishConsensusAsync"] = 1,
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
        await room.MoveToAsync(Phase.Deliberation);

        var mark = cluster.Calls.Mark();
        // What the join reads today (Realtime/RoomService): the dialogue, each statement's version,
        // then each statement and its consensus for the snapshot.
        var dialogue = (await service.GetDialogueAsync(room.DialogueId))!;
        foreach (var reference in dialogue.Statements)
            _ = await service.GetStatementAsync(room.DialogueId, reference.Id);
        foreach (var reference in dialogue.Statements)
        {
            _ = await service.GetStatementAsync(room.DialogueId, reference.Id);
            _ = await service.GetConsensusAsync(reference.Id);
        }
        var calls = await cluster.Calls.SettledSinceAsync(mark, room.DialogueId, room.StatementId, second);

        output.WriteLine(string.Join(", ", calls.Select(c => $"{c.Key} {c.Value}")));
        Assert.Equal(new Dictionary<string, int>
        {
            ["IDialogueGrain.GetStateAsync"] = 7,
            ["IStatementGrain.GetConsensusAsync"] = 2,
            ["IStatementGrain.GetStateAsync"] = 4,
        }, calls);
    }
}
