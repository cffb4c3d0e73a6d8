using Deliberation.Grains.Realtime;
using Deliberation.Grains.Dialogues;

namespace Deliberation.Server.Realtime;

/// <summary>Tells a dialogue grain who is connected through this node; the grain pushes the merged list to every node.</summary>
public sealed class PresenceReporter(IGrainFactory grains, NodeConnections connections, ILocalSiloDetails silo)
{
    /// <summary>
    /// Names this node to the dialogue grains by its silo's address, so that when the cluster
    /// declares the silo dead the surviving nodes can name whose presence to forget.
    /// </summary>
    public string NodeId => NodeIdOf(silo.SiloAddress);

    public static string NodeIdOf(SiloAddress silo) => silo.ToParsableString();

    public Task<Presence> ReportAsync(Guid dialogueId) =>
        grains.GetGrain<IDialogueGrain>(dialogueId).ReportPresenceAsync(NodeId, connections.PresenceOf(dialogueId));
}
