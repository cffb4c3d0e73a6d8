using System.Collections.Concurrent;
using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Realtime;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Realtime;

/// <summary>
/// This node's live connections per dialogue: who each is and in what role, and the dialogue's
/// confidentiality mode, so a push can be rendered once per audience and sent to the right ones.
/// (Named for the node: the dialogue grain's <c>DialogueRoom</c> is the cluster-wide view.)
/// </summary>
public sealed class NodeConnections
{
    private sealed class Room
    {
        public ConcurrentDictionary<string, ConnectedViewer> Connections { get; } = new();
        public ConfidentialityMode Mode { get; set; }
        public DialogueState? Dialogue { get; set; }
    }

    private readonly ConcurrentDictionary<Guid, Room> rooms = new();

    /// <summary>Names this node to the dialogue grains, so presence from a node that died can expire.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Adds a connection; true when it is the node's first in that dialogue (time to subscribe).</summary>
    public bool Add(Guid dialogueId, ConnectedViewer connection, DialogueState dialogue)
    {
        // GetOrAdd may run a factory on several threads at once, so "my factory ran" would tell more
        // than one first joiner to subscribe; only the caller whose room was stored is the first.
        var fresh = new Room();
        var room = rooms.GetOrAdd(dialogueId, fresh);
        var isNew = ReferenceEquals(room, fresh);
        room.Mode = dialogue.Settings.Confidentiality;
        room.Dialogue = dialogue;
        room.Connections[connection.ConnectionId] = connection;
        return isNew;
    }

    /// <summary>Removes a connection from every dialogue it joined; returns those dialogues.</summary>
    public IReadOnlyList<Guid> Remove(string connectionId)
    {
        var left = new List<Guid>();
        foreach (var (dialogueId, room) in rooms)
            if (room.Connections.TryRemove(connectionId, out _))
                left.Add(dialogueId);
        return left;
    }

    public void Leave(Guid dialogueId, string connectionId)
    {
        if (rooms.TryGetValue(dialogueId, out var room))
            room.Connections.TryRemove(connectionId, out _);
    }

    public IEnumerable<Guid> Dialogues => rooms.Where(r => !r.Value.Connections.IsEmpty).Select(r => r.Key);

    public IReadOnlyCollection<ConnectedViewer> In(Guid dialogueId) =>
        rooms.TryGetValue(dialogueId, out var room) ? [.. room.Connections.Values] : [];

    public int CountIn(Guid dialogueId) => rooms.TryGetValue(dialogueId, out var room) ? room.Connections.Count : 0;

    public ConfidentialityMode ModeOf(Guid dialogueId) =>
        rooms.TryGetValue(dialogueId, out var room) ? room.Mode : ConfidentialityMode.Anonymous;

    /// <summary>The roster as last seen (for presence by group); refreshed on join and on roster events.</summary>
    public DialogueState? DialogueOf(Guid dialogueId) => rooms.TryGetValue(dialogueId, out var room) ? room.Dialogue : null;

    public void Remember(Guid dialogueId, DialogueState dialogue)
    {
        if (rooms.TryGetValue(dialogueId, out var room))
        {
            room.Dialogue = dialogue;
            room.Mode = dialogue.Settings.Confidentiality;
        }
    }

    public ImmutableArray<PresentMember> PresenceOf(Guid dialogueId) =>
        [.. In(dialogueId).GroupBy(c => c.ParticipantId).Select(g => new PresentMember(g.Key, g.Count()))];
}
