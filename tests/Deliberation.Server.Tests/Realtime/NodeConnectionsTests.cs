using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Realtime;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Tests.Realtime;

public sealed class NodeConnectionsTests
{
    /// <summary>
    /// The first connection in a dialogue makes the node subscribe to it; two "firsts" would
    /// subscribe twice and every push would reach the room twice. Joins race when a room fills.
    /// </summary>
    [Fact]
    public async Task OfConnectionsJoiningANewDialogueAtOnceExactlyOneIsTheFirst()
    {
        const int Dialogues = 500;
        const int JoinersEach = 4;
        var connections = new NodeConnections();
        var firsts = new int[Dialogues];
        using var start = new Barrier(JoinersEach);

        var joiners = Enumerable.Range(0, JoinersEach).Select(joiner => Task.Factory.StartNew(() =>
        {
            for (var d = 0; d < Dialogues; d++)
            {
                // All joiners reach each new dialogue together.
                start.SignalAndWait();
                var dialogueId = new Guid(d, 0, 0, new byte[8]);
                var connection = new ConnectedViewer($"c{joiner}-{d}", Guid.NewGuid(), Role.Delegate);
                if (connections.Add(dialogueId, connection, DialogueState.Initial(dialogueId)))
                    Interlocked.Increment(ref firsts[d]);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(joiners);

        Assert.All(firsts, count => Assert.Equal(1, count));
        Assert.Equal(JoinersEach, connections.In(new Guid(0, 0, 0, new byte[8])).Count);
    }

    /// <summary>
    /// Once everyone here has left, the node stops renewing and the grain lets the subscription lapse;
    /// the next joiner must be told to subscribe again, whether the others left or disconnected.
    /// </summary>
    [Fact]
    public void TheFirstJoinerAfterARoomEmptiedSubscribesAgain()
    {
        var connections = new NodeConnections();
        var dialogueId = Guid.NewGuid();
        var dialogue = DialogueState.Initial(dialogueId);
        ConnectedViewer Viewer(string id) => new(id, Guid.NewGuid(), Role.Delegate);

        Assert.True(connections.Add(dialogueId, Viewer("a"), dialogue));
        Assert.False(connections.Add(dialogueId, Viewer("b"), dialogue));
        connections.Leave(dialogueId, "a");
        connections.Remove("b");
        Assert.True(connections.Add(dialogueId, Viewer("c"), dialogue));
        Assert.False(connections.Add(dialogueId, Viewer("d"), dialogue));
    }

    /// <summary>
    /// A push paces itself by how many of the role's connections there are (PacedFanOut); the count
    /// must follow joins, rejoins in another role, leaves and disconnects, also when they race.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task TheCountOfARolesConnectionsFollowsEveryJoinRejoinLeaveAndDisconnect(int seed)
    {
        var connections = new NodeConnections();
        var dialogues = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var roles = Enum.GetValues<Role>();

        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            var random = new Random(seed * 10 + worker);
            for (var step = 0; step < 5_000; step++)
            {
                // Ids shared between workers, so the same connection is added and removed concurrently.
                var id = $"c{random.Next(40)}";
                var dialogueId = dialogues[random.Next(dialogues.Length)];
                switch (random.Next(3))
                {
                    case 0:
                        connections.Add(dialogueId, new ConnectedViewer(id, Guid.NewGuid(), roles[random.Next(roles.Length)]), DialogueState.Initial(dialogueId));
                        break;
                    case 1:
                        connections.Leave(dialogueId, id);
                        break;
                    default:
                        connections.Remove(id);
                        break;
                }
            }
            // One connection of its own each, nobody else removes: the room is never empty at the end.
            foreach (var dialogueId in dialogues)
                connections.Add(dialogueId, new ConnectedViewer($"w{worker}", Guid.NewGuid(), roles[worker % roles.Length]), DialogueState.Initial(dialogueId));
        })).ToArray();
        await Task.WhenAll(workers);

        foreach (var dialogueId in dialogues)
        {
            var present = connections.In(dialogueId);
            foreach (var role in roles)
                Assert.Equal(present.Count(c => c.Role == role), connections.CountIn(dialogueId, role));
        }
    }
}
