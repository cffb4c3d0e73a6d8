using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.FloorHub;

/// <summary>
/// One room of the floor: numbers each action's events and sends them to the room's group from a single
/// loop, so every connection gets the versions in order (as the server's outbox does). The loop
/// sends at once when it is idle; what queued while it was sending goes out as one message — the
/// least batching any relay must do to keep up, with no window.
/// </summary>
public sealed class FloorRoom
{
    private readonly Channel<JsonObject> pending = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock numbering = new();
    private readonly string group;
    private readonly IHubContext<RelayHub> hub;
    private readonly ILogger logger;
    private readonly Dictionary<Guid, List<string?>> changes = [];
    private string stream = "";
    private long version;

    public FloorRoom(Guid dialogueId, IHubContext<RelayHub> hub, ILogger logger)
    {
        group = GroupOf(dialogueId);
        this.hub = hub;
        this.logger = logger;
        _ = Task.Run(SendLoopAsync);
    }

    public static string GroupOf(Guid dialogueId) => dialogueId.ToString();

    public long Version
    {
        get
        {
            lock (numbering)
                return version;
        }
    }

    /// <summary>
    /// Numbers the position and queues it, with a release after every third change on its clause as
    /// the server makes one; returns the version the action ended at, as the server's answer does.
    /// </summary>
    public long Relay(string streamId, Guid clauseId, string? note)
    {
        lock (numbering)
        {
            stream = streamId;
            var at = ++version;
            pending.Writer.TryWrite(FloorPayloads.Hidden(streamId, at));
            var notes = changes.TryGetValue(clauseId, out var gathered) ? gathered : changes[clauseId] = [];
            notes.Add(note);
            if (notes.Count == FloorPayloads.ChangesPerRelease)
            {
                at = ++version;
                pending.Writer.TryWrite(FloorPayloads.Release(streamId, at, clauseId, notes));
                notes.Clear();
            }
            return at;
        }
    }

    private async Task SendLoopAsync()
    {
        var batch = new List<JsonObject>();
        while (await pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            string streamId;
            lock (numbering)
            {
                while (pending.Reader.TryRead(out var next))
                    batch.Add(next);
                streamId = stream;
            }
            try
            {
                await hub.Clients.Group(group).SendAsync("EventsAppended", streamId, batch.ToArray());
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not relay a push");
            }
        }
    }
}
