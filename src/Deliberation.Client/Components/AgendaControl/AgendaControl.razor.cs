using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The agenda in the chair's console: the current item with its time, and "Next item" to take up the
/// one after it (or the first, before the meeting starts). The agenda itself is edited on the setup page.
/// </summary>
public sealed partial class AgendaControl
{
    [Parameter, EditorRequired]
    public ImmutableList<AgendaItem> Agenda { get; set; } = [];

    [Parameter, EditorRequired]
    public CurrentAgendaItem? Current { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Takes up an item (null: ends the agenda).</summary>
    [Parameter]
    public EventCallback<Guid?> OnSetCurrent { get; set; }

    private AgendaItem? Next
    {
        get
        {
            var index = Current is { } c ? Agenda.FindIndex(i => i.Id == c.ItemId) : -1;
            return index + 1 < Agenda.Count ? Agenda[index + 1] : null;
        }
    }
}
