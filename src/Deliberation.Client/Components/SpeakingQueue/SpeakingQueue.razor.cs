using System.Collections.Immutable;
using Deliberation.Client.Api;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>Who asked to speak, in order, and the viewer's own hand.</summary>
public sealed partial class SpeakingQueue
{
    [Parameter, EditorRequired]
    public ImmutableList<Guid> Queue { get; set; } = [];

    [Parameter]
    public IReadOnlyList<MemberView> Roster { get; set; } = [];

    [Parameter]
    public Guid Me { get; set; }

    [Parameter]
    public bool CanRaiseHand { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback OnRaise { get; set; }

    [Parameter]
    public EventCallback OnLower { get; set; }

    private string NameOf(Guid participant) => Roster.FirstOrDefault(m => m.ParticipantId == participant)?.DisplayName ?? "A member";
}
