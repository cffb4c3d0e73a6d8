using Deliberation.Grains.Realtime;
using Deliberation.Grains.Dialogues;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Tells a dialogue grain who is connected through this node; the grain pushes the merged list to
/// every node. Reports of one dialogue are coalesced: while one is on its way, every caller that
/// comes meanwhile waits for the next, which carries the node's list as it is then. Each report
/// carries the node's whole list, so 1,000 joins reporting one by one would send the grain half a
/// million entries (docs/performance.md, "Joining"); coalesced, a burst of joins costs a few reports.
/// </summary>
public sealed class PresenceReporter(IGrainFactory grains, NodeConnections connections, ILocalSiloDetails silo)
{
    private readonly Dictionary<Guid, Reporting> reporting = [];

    /// <summary>
    /// Names this node to the dialogue grains by its silo's address, so that when the cluster
    /// declares the silo dead the surviving nodes can name whose presence to forget.
    /// </summary>
    public string NodeId => NodeIdOf(silo.SiloAddress);

    public static string NodeIdOf(SiloAddress silo) => silo.ToParsableString();

    /// <summary>The merged presence after a report that includes this node's connections as they are now.</summary>
    public Task<Presence> ReportAsync(Guid dialogueId)
    {
        lock (reporting)
        {
            if (reporting.TryGetValue(dialogueId, out var inFlight))
                return (inFlight.Next ??= new TaskCompletionSource<Presence>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            var first = new TaskCompletionSource<Presence>(TaskCreationOptions.RunContinuationsAsynchronously);
            var started = new Reporting();
            reporting[dialogueId] = started;
            _ = Task.Run(() => ReportLoopAsync(dialogueId, started, first));
            return first.Task;
        }
    }

    private async Task ReportLoopAsync(Guid dialogueId, Reporting slot, TaskCompletionSource<Presence> waiting)
    {
        while (true)
        {
            try
            {
                // Read when the report leaves, so it holds every connection of the callers waiting on it.
                waiting.TrySetResult(await grains.GetGrain<IDialogueGrain>(dialogueId).ReportPresenceAsync(NodeId, connections.PresenceOf(dialogueId)));
            }
            catch (Exception e)
            {
                waiting.TrySetException(e);
            }
            lock (reporting)
            {
                if (slot.Next is not { } next)
                {
                    reporting.Remove(dialogueId);
                    return;
                }
                slot.Next = null;
                waiting = next;
            }
        }
    }

    private sealed class Reporting
    {
        public TaskCompletionSource<Presence>? Next { get; set; }
    }
}
