using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A position on one bracket option.</summary>
public sealed record OptionChoice(string OptionId, PositionChoice Choice);

/// <summary>Each bracketed slot's options, with their figures and the viewer's position on each.</summary>
public sealed partial class OptionPositions
{
    [Parameter, EditorRequired]
    public IReadOnlyList<SlotPart> Slots { get; set; } = [];

    [Parameter]
    public ImmutableDictionary<string, Position> Mine { get; set; } = ImmutableDictionary<string, Position>.Empty;

    [Parameter]
    public int CountingSince { get; set; }

    [Parameter]
    public ClauseConsensus? Consensus { get; set; }

    [Parameter]
    public bool CanTakePositions { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public EventCallback<OptionChoice> OnChoose { get; set; }
}
