using Microsoft.Extensions.Localization;
using System.Collections.Immutable;
using System.Globalization;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The agenda item the room is on, for everyone: "Now: 2 of 5 · Red lines · 20 min", and how long it
/// has run against its plan. The item has no timer of its own (the chair's timer stays free for
/// speaking turns), so the time shown is counted from when the chair took the item up.
/// </summary>
public sealed partial class AgendaNow : IDisposable
{
    [Inject]
    private IStringLocalizer<Resources.Room> L { get; set; } = null!;

    // Minutes are shown, but a tick every few seconds keeps the minute turning over on time on every screen.
    private readonly RepaintTicker ticker = new(TimeSpan.FromSeconds(5));

    [Inject]
    private TimeProvider Time { get; set; } = TimeProvider.System;

    [Parameter, EditorRequired]
    public ImmutableList<AgendaItem> Agenda { get; set; } = [];

    [Parameter, EditorRequired]
    public CurrentAgendaItem? Current { get; set; }

    [Parameter]
    public bool Large { get; set; }

    private int Index => Current is { } c ? Agenda.FindIndex(i => i.Id == c.ItemId) : -1;

    private AgendaItem? Item => Index >= 0 ? Agenda[Index] : null;

    /// <summary>The item's line, or null when no item is current.</summary>
    public string? Line => Item is { } item
        ? L["AgendaNowLine", Index + 1, Agenda.Count, item.Title] + (item.Minutes is { } m ? L["AgendaMinutesSuffix", m] : "")
        : null;

    private int MinutesGone => Current is { } c ? Math.Max(0, (int)(Time.GetUtcNow() - c.StartedAt).TotalMinutes) : 0;

    private bool Over => Item?.Minutes is { } planned && MinutesGone >= planned;

    private string Elapsed
    {
        get
        {
            var gone = MinutesGone.ToString(CultureInfo.InvariantCulture);
            return Item?.Minutes is { } planned
                ? MinutesGone >= planned ? L["MinutesOfPlannedOver", gone, planned] : L["MinutesOfPlanned", gone, planned]
                : L["MinutesGone", gone];
        }
    }

    protected override void OnParametersSet()
    {
        if (Current is not null)
            ticker.EnsureStarted(Time, () => InvokeAsync(StateHasChanged));
    }

    public void Dispose() => ticker.Dispose();
}
