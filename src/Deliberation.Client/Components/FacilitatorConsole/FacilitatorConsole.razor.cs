using Deliberation.Client.Api;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A timebox the chair starts.</summary>
public sealed record TimerRequest(string Label, int Seconds);

/// <summary>
/// The chair's resolution of a bracket: the option kept, and whether the change is editorial (the
/// positions given on that option carry over to the clause) or substantive (everyone is asked again).
/// </summary>
public sealed record BracketResolution(string OptionId, RevisionKind Kind);

/// <summary>A clause that is not agreed, as the freeze warning names it: its number, its first words and its status.</summary>
public sealed record UnagreedClause(int Number, string FirstWords, ClauseStatus Status);

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

    // Substantive unless the chair says otherwise: asking everyone again is never wrong, only slower.
    private RevisionKind resolveKind = RevisionKind.Substantive;

    [Parameter, EditorRequired]
    public DialogueView Dialogue { get; set; } = null!;

    [Parameter]
    public StatementView? Statement { get; set; }

    /// <summary>The clause selected in the room, which resolving and focusing act on.</summary>
    [Parameter]
    public ClauseView? Clause { get; set; }

    [Parameter]
    public ClauseConsensus? ClauseConsensus { get; set; }

    /// <summary>The statement's figures as the chair sees them: the freeze warning names the clauses they do not show agreed.</summary>
    [Parameter]
    public StatementConsensus? Consensus { get; set; }

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
    public EventCallback<BracketResolution> OnResolve { get; set; }

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

    private string NameOf(Guid participant) => Dialogue.MemberOrNull(participant)?.DisplayName ?? Resources.Console.Get("AMember");

    /// <summary>
    /// The statement's clauses, numbered as in the list, whose status is not Agreed (withdrawn ones
    /// are out of the text and do not count); a clause with no figures yet is Pending.
    /// </summary>
    internal IReadOnlyList<UnagreedClause> NotAgreed => Statement is not { } statement ? [] :
        [.. statement.Clauses
            .Select((clause, index) => (clause, Number: index + 1,
                Status: clause.Withdrawn ? ClauseStatus.Withdrawn : Consensus?.Clauses.FirstOrDefault(c => c.ClauseId == clause.Id)?.Status ?? ClauseStatus.Pending))
            .Where(c => c.Status is not (ClauseStatus.Agreed or ClauseStatus.Withdrawn))
            .Select(c => new UnagreedClause(c.Number, FirstWords(c.clause.Text), c.Status))];

    /// <summary>The first few words of a clause, enough to recognise it.</summary>
    internal static string FirstWords(string text)
    {
        const int Words = 8;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= Words ? string.Join(' ', words) : string.Join(' ', words.Take(Words)) + "…";
    }

    private static string Short(string text) => text.Length <= 28 ? text : text[..25] + "…";

    private Task StartTimerAsync() => OnStartTimer.InvokeAsync(new TimerRequest(timerLabel.Trim(), timerMinutes * 60));

    private async Task FreezeAsync()
    {
        confirmingFreeze = false;
        await OnFreeze.InvokeAsync();
    }
}
