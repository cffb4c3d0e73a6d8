using Deliberation.Client.Api;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A timebox the chair starts.</summary>
public sealed record TimerRequest(string Label, int Seconds);

/// <summary>
/// The chair's controls: move the phase, take up the next agenda item, time a discussion, give the floor to the next speaker,
/// put a clause on the floor, show the room the figures (all clauses, or the selected one now),
/// resolve a bracket, freeze the text. Amendments are decided beside
/// the clause, where the text is.
/// </summary>
public sealed partial class FacilitatorConsole
{
    private string timerLabel = "Discussion";
    private int timerMinutes = 5;
    private bool confirmingFreeze;

    [Parameter, EditorRequired]
    public DialogueView Dialogue { get; set; } = null!;

    [Parameter]
    public StatementView? Statement { get; set; }

    /// <summary>The clause selected in the room, which resolving and focusing act on.</summary>
    [Parameter]
    public ClauseView? Clause { get; set; }

    [Parameter]
    public ClauseConsensus? ClauseConsensus { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<Phase> OnSetPhase { get; set; }

    /// <summary>Takes up an agenda item ("Next item"); null ends the agenda.</summary>
    [Parameter]
    public EventCallback<Guid?> OnSetAgendaItem { get; set; }

    [Parameter]
    public EventCallback<TimerRequest> OnStartTimer { get; set; }

    [Parameter]
    public EventCallback OnStopTimer { get; set; }

    /// <summary>Lowers this participant's hand: she has the floor.</summary>
    [Parameter]
    public EventCallback<Guid> OnGiveFloor { get; set; }

    [Parameter]
    public EventCallback<Guid?> OnFocus { get; set; }

    [Parameter]
    public EventCallback<string> OnResolve { get; set; }

    [Parameter]
    public EventCallback OnFreeze { get; set; }

    /// <summary>Releases every clause with enough changes since the room last saw it.</summary>
    [Parameter]
    public EventCallback OnShowTheRoom { get; set; }

    /// <summary>Releases one clause now; the page asks before forcing one with too few changes.</summary>
    [Parameter]
    public EventCallback<Guid> OnReleaseClause { get; set; }

    private Phase? Next => Dialogue.Phase < Phase.Closed && Phases.CanMove(Dialogue.Phase, Dialogue.Phase + 1) ? Dialogue.Phase + 1 : null;

    private Phase? Previous => Dialogue.Phase > Phase.Setup && Phases.CanMove(Dialogue.Phase, Dialogue.Phase - 1) ? Dialogue.Phase - 1 : null;

    private string NameOf(Guid participant) => Dialogue.MemberOrNull(participant)?.DisplayName ?? "A member";

    private static string Short(string text) => text.Length <= 28 ? text : text[..25] + "…";

    private Task StartTimerAsync() => OnStartTimer.InvokeAsync(new TimerRequest(timerLabel.Trim(), timerMinutes * 60));

    private async Task FreezeAsync()
    {
        confirmingFreeze = false;
        await OnFreeze.InvokeAsync();
    }
}
