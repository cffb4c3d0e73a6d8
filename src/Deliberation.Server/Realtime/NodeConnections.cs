using System.Collections.Concurrent;
using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Realtime;

/// <summary>
/// This node's live connections per dialogue: who each is and in what role, and the dialogue's
/// confidentiality mode, so a push can be rendered once per audience and sent to the right ones.
/// (Named for the node: the dialogue grain's <c>DialogueRoom</c> is the cluster-wide view.)
/// </summary>
public sealed class NodeConnections
{
    private sealed class DialogueConnections
    {
        public ConcurrentDictionary<string, ConnectedViewer> Connections { get; } = new();

        /// <summary>Connections per role, changed under the lock with <see cref="Connections"/>.</summary>
        public int[] RoleCounts { get; } = new int[Enum.GetValues<Role>().Length];

        public ConfidentialityMode Mode { get; set; }
        public DialogueState? Dialogue { get; set; }
    }

    private readonly ConcurrentDictionary<Guid, DialogueConnections> dialogues = new();

    /// <summary>
    /// Adds a connection; true when the node had nobody else in that dialogue (time to subscribe).
    /// Not only a dialogue's very first connection: once everyone here has left, renewals stop, the
    /// grain lets the subscription lapse (or deactivates and forgets it), and the next joiner must
    /// subscribe again — else the room's next events reach nobody until a renewal (issue 10's lost
    /// first update; docs/architecture.md, "Live room").
    /// </summary>
    public bool Add(Guid dialogueId, ConnectedViewer connection, DialogueState dialogue)
    {
        var held = dialogues.GetOrAdd(dialogueId, _ => new DialogueConnections());
        // Joins race when a room fills: the lock lets exactly one of them see the room empty.
        lock (held)
        {
            var wasEmpty = held.Connections.IsEmpty;
            held.Mode = dialogue.Settings.Confidentiality;
            held.Dialogue = dialogue;
            if (held.Connections.TryGetValue(connection.ConnectionId, out var before))
                held.RoleCounts[(int)before.Role]--;
            held.Connections[connection.ConnectionId] = connection;
            held.RoleCounts[(int)connection.Role]++;
            return wasEmpty;
        }
    }

    /// <summary>Removes a connection from every dialogue it joined; returns those dialogues.</summary>
    public IReadOnlyList<Guid> Remove(string connectionId)
    {
        var left = new List<Guid>();
        foreach (var (dialogueId, held) in dialogues)
            lock (held)
                if (held.Connections.TryRemove(connectionId, out var gone))
                {
                    held.RoleCounts[(int)gone.Role]--;
                    left.Add(dialogueId);
                }
        return left;
    }

    public void Leave(Guid dialogueId, string connectionId)
    {
        if (dialogues.TryGetValue(dialogueId, out var held))
            lock (held)
                if (held.Connections.TryRemove(connectionId, out var gone))
                    held.RoleCounts[(int)gone.Role]--;
    }

    public IEnumerable<Guid> Dialogues => dialogues.Where(r => !r.Value.Connections.IsEmpty).Select(r => r.Key);

    public IReadOnlyCollection<ConnectedViewer> In(Guid dialogueId) =>
        dialogues.TryGetValue(dialogueId, out var held) ? [.. held.Connections.Values] : [];

    public int CountIn(Guid dialogueId) => dialogues.TryGetValue(dialogueId, out var held) ? held.Connections.Count : 0;

    /// <summary>How many of the dialogue's connections here are in <paramref name="role"/>: what one role's push is sent to.</summary>
    public int CountIn(Guid dialogueId, Role role) => dialogues.TryGetValue(dialogueId, out var held) ? Volatile.Read(ref held.RoleCounts[(int)role]) : 0;

    public ConfidentialityMode ModeOf(Guid dialogueId) =>
        dialogues.TryGetValue(dialogueId, out var held) ? held.Mode : ConfidentialityMode.Anonymous;

    /// <summary>The roster as last seen (for presence by group); refreshed on join and on roster events.</summary>
    public DialogueState? DialogueOf(Guid dialogueId) => dialogues.TryGetValue(dialogueId, out var held) ? held.Dialogue : null;

    public void Remember(Guid dialogueId, DialogueState dialogue)
    {
        if (dialogues.TryGetValue(dialogueId, out var held))
        {
            held.Dialogue = dialogue;
            held.Mode = dialogue.Settings.Confidentiality;
        }
    }

    /// <summary>The people present through this node; a projector is the room's screen, not a person, and is not counted.</summary>
    public ImmutableArray<PresentMember> PresenceOf(Guid dialogueId) =>
        [.. In(dialogueId).Where(c => !c.AsRoom).GroupBy(c => c.ParticipantId).Select(g => new PresentMember(g.Key, g.Count()))];
}
