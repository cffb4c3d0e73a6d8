using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Realtime;

/// <summary>
/// This node's open hub connections by id, with the context that can close them: the hub context
/// sends to connections but cannot end one, and a removed member's connection must end.
/// </summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> open = new();

    public void Add(HubCallerContext context) => open[context.ConnectionId] = context;

    public void Remove(string connectionId) => open.TryRemove(connectionId, out _);

    public HubCallerContext? Find(string connectionId) => open.GetValueOrDefault(connectionId);
}
