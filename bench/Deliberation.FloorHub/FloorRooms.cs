using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.FloorHub;

/// <summary>The floor's rooms, one per dialogue id a client names.</summary>
public sealed class FloorRooms(IHubContext<RelayHub> hub, ILogger<FloorRooms> logger)
{
    private readonly ConcurrentDictionary<Guid, Lazy<FloorRoom>> rooms = new();

    public FloorRoom Of(Guid dialogueId) =>
        rooms.GetOrAdd(dialogueId, id => new Lazy<FloorRoom>(() => new FloorRoom(id, hub, logger))).Value;
}
