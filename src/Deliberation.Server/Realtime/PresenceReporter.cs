using Deliberation.Grains.Realtime;
using Deliberation.Grains.Dialogues;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Tells a dialogue grain who is connected through this node; the grain pushes the merged list to
/// every node. Reports of one dialogue are coalesced (<see cref="NextCall{TKey, TResult}"/>): while
/// one is on its way, every caller that comes meanwhile waits for the next, which carries the node's
/// list as it is then. Each report carries the node's whole list, so 1,000 joins reporting one by
/// one would send the grain half a million entries (docs/performance.md, "Joining").
/// </summary>
public sealed class PresenceReporter(IGrainFactory grains, NodeConnections connections, ILocalSiloDetails silo)
{
    private readonly NextCall<Guid, Presence> reports = new();

    /// <summary>
    /// Names this node to the dialogue grains by its silo's address, so that when the cluster
    /// declares the silo dead the surviving nodes can name whose presence to forget.
    /// </summary>
    public string NodeId => NodeIdOf(silo.SiloAddress);

    public static string NodeIdOf(SiloAddress silo) => silo.ToParsableString();

    /// <summary>The merged presence after a report that includes this node's connections as they are when it leaves.</summary>
    public Task<Presence> ReportAsync(Guid dialogueId) =>
        reports.RunAsync(dialogueId, id => grains.GetGrain<IDialogueGrain>(id).ReportPresenceAsync(NodeId, connections.PresenceOf(id)));
}
