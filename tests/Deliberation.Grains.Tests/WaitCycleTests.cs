using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Realtime;
using Deliberation.Grains.Tests.Fixtures;

namespace Deliberation.Grains.Tests;

/// <summary>
/// A surviving node deactivates at once every grain whose directory entry died with another node;
/// each activation finishes the calls it is running and holds the calls that arrive meanwhile. A
/// statement's command waits on its dialogue's state, so a dialogue call waiting on that statement
/// closed a circle: the room stood still until both calls timed out, 30 s (issue 10, seen in CI as a
/// node-loss test that no action passed for a minute). The dialogue grain now never waits on a
/// statement (docs/architecture.md, "Calls that wait").
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WaitCycleTests(ClusterFixture cluster)
{
    /// <summary>Far below Orleans' 30 s response timeout, which is what ended the wait before.</summary>
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ADialogueAndItsStatementDeactivatedTogetherMidCommandAnswerWithinSeconds()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 4);
        var clause = await room.ClauseAsync("Frontier models are evaluated before release.");
        await room.MoveToAsync(Phase.Deliberation);
        var before = (await room.StatementStateAsync()).Version;
        // A fresh activation knows no statement's version: its heartbeat has to find the statement's.
        await cluster.DeactivateAsync(room.Dialogue);

        Task<CommandOutcome> command;
        Task<RoomBeat> beat;
        Task deactivations;
        using (var hold = cluster.Gate.Close(room.DialogueId, room.StatementId))
        {
            // The command's read of its dialogue, and whatever the heartbeat sends, wait at the gate...
            command = room.Statement.ExecuteAsync(room.DialogueId, new TakePosition(clause, 1, PositionKind.Support), room.Delegates[0]);
            beat = room.Dialogue.BeatAsync(null);
            await HeldAsync(hold, "IDialogueGrain.GetStateAsync");
            // ...until both grains are being deactivated, as a node's death does to them.
            deactivations = Task.WhenAll(cluster.DeactivateAsync(room.Dialogue), cluster.DeactivateAsync(room.Statement));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        var outcome = await command.WaitAsync(Answered);
        Assert.True(outcome.Accepted, $"{outcome.Error}");
        Assert.True(outcome.Version > before);
        Assert.Equal(before, (await beat.WaitAsync(Answered)).Versions[StreamIds.Statement(room.StatementId)]);
        await deactivations.WaitAsync(Answered);
        Assert.Equal(outcome.Version, (await room.StatementStateAsync()).Version);
    }

    private static async Task HeldAsync(CallGate.Hold hold, string call)
    {
        var deadline = DateTime.UtcNow + Answered;
        while (!hold.Held.Contains(call))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{call} was never sent; held: {string.Join(", ", hold.Held)}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
