using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>Who is in the room: names where the viewer may see them, else counts by role and by group.</summary>
public sealed partial class PresencePanel
{
    [Parameter, EditorRequired]
    public PresenceView? Presence { get; set; }
}
