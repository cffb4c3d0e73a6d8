using Deliberation.Client.Room;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>Whether the room is live: connected, connecting, reconnecting, or offline.</summary>
public sealed partial class ConnectionBadge
{
    [Parameter, EditorRequired]
    public ConnectionState State { get; set; }

    private string Label => State switch
    {
        ConnectionState.Connected => "Connected",
        ConnectionState.Connecting => "Connecting…",
        ConnectionState.Reconnecting => "Reconnecting…",
        _ => "Offline — retrying",
    };
}
