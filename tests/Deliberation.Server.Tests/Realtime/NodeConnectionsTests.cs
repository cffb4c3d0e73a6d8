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
}
