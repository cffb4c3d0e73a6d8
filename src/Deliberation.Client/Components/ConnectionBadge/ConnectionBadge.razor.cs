using Microsoft.Extensions.Localization;
using Deliberation.Client.Room;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>Whether the room is live: connected, connecting, reconnecting, or offline.</summary>
public sealed partial class ConnectionBadge
{
    [Inject]
    private IStringLocalizer<Resources.Room> L { get; set; } = null!;

    [Parameter, EditorRequired]
    public ConnectionState State { get; set; }

    private string Label => State switch
    {
        ConnectionState.Connected => L["Connected"],
        ConnectionState.Connecting => L["Connecting"],
        ConnectionState.Reconnecting => L["Reconnecting"],
        _ => L["OfflineRetrying"],
    };
}
