using Deliberation.Grains.Realtime;
using Deliberation.Grains.Dialogues;

namespace Deliberation.Server.Realtime;

/// <summary>Tells a dialogue grain who is connected through this node; the grain pushes the merged list to every node.</summary>
public sealed class PresenceReporter(IGrainFactory grains, NodeConnections connections)
{
    public Task<Presence> ReportAsync(Guid dialogueId) =>
        grains.GetGrain<IDialogueGrain>(dialogueId).ReportPresenceAsync(connections.NodeId, connections.PresenceOf(dialogueId));
}
