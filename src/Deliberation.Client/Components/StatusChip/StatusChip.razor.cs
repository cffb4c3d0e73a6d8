using Deliberation.Domain;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A clause's status (Agreed, Near consensus, Gathering, Contested, Blocked, Pending, Withdrawn) as a coloured chip.</summary>
public sealed partial class StatusChip
{
    [Parameter, EditorRequired]
    public ClauseStatus Status { get; set; }

    [Parameter]
    public bool Large { get; set; }
}
