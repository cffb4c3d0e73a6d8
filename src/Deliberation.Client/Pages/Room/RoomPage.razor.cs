using System.Globalization;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Client.Localization;
using Deliberation.Client.Room;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Deliberation.Client.Pages.Room;

/// <summary>
/// The live room: the phase and timer, the clauses with their status, the selected clause (or the
/// one on the floor) with positions, brackets, ranges, amendments and history, the editor for
/// drafters, the facilitator console for the chair, and the consensus matrix.
/// </summary>
public sealed partial class RoomPage
{
    private static readonly CommandOutcome NoStatement = CommandOutcome.Refused("", 0, RuleError.NotFound("statement.not-found", "No statement is selected."));

    private Guid? selectedStatementId;
    private Guid? selectedClauseId;
    private bool followFloor = true;
    private bool busy;
    private string? readingLanguage;
    private Guid? holdoutsFor;
    private ClauseHoldouts? holdouts;
    private string? holdoutsProblem;

    /// <summary>The server's refusal of a release with fewer than k changes: the chair is asked before forcing it.</summary>
    internal const string TooFewChangesRule = "release.too-few-changes";

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    /// <summary>
    /// The language she reads the clauses in: her choice in the room, else her interface's (which is her
    /// own choice or her browser's, docs/architecture.md), else the source.
    /// </summary>
    private string? ReadingLanguage => Dialogue is { } d
        ? readingLanguage is { } chosen && d.Languages.IsWorking(chosen) ? chosen : LanguageNames.FromBrowser(CultureInfo.CurrentUICulture.Name, d.Languages)
        : null;

    private Task TranslateAsync(TranslationDraft t) =>
        Statement is { } s
            ? RunAsync(hub => t.OptionId is { } optionId
                ? hub.TranslateOption(new TranslateOptionRequest(DialogueId, s.Id, t.ClauseId, optionId, t.Language, t.SourceRevision, t.Text))
                : hub.TranslateClause(new TranslateClauseRequest(DialogueId, s.Id, t.ClauseId, t.Language, t.SourceRevision, t.Text)), L["TranslationSaved"])
            : Task.CompletedTask;

    private StatementView? Statement =>
        (selectedStatementId ?? Dialogue?.Focus?.StatementId) is { } id && State?.StatementOrNull(id) is { } chosen
            ? chosen
            : State?.Statements.FirstOrDefault();

    private StatementConsensus? Figures => Statement is { } s ? State?.ConsensusOrNull(s.Id) : null;

    private Guid? FocusClauseId => Dialogue?.Focus is { } focus && focus.StatementId == Statement?.Id ? focus.ClauseId : null;

    /// <summary>The clause on the floor while following it, else the one chosen, else the first.</summary>
    private ClauseView? Clause
    {
        get
        {
            if (Statement is not { } statement)
                return null;
            var id = followFloor ? FocusClauseId ?? selectedClauseId : selectedClauseId ?? FocusClauseId;
            return (id is { } clauseId ? statement.ClauseOrNull(clauseId) : null) ?? statement.Clauses.FirstOrDefault();
        }
    }

    private int ClauseNumber => Statement is { } s && Clause is { } c ? s.Clauses.IndexOf(c) + 1 : 0;

    private ClauseConsensus? ClauseFigures => Statement is { } s && Clause is { } c ? State?.ConsensusOf(s.Id, c.Id) : null;

    private ConsensusRule Rule => Dialogue?.Rules.For(Clause?.Kind ?? ClauseKind.Other) ?? ConsensusRule.Default;

    private bool CanChair => Dialogue?.You.Role.Chairs() == true;

    /// <summary>The chairs and the rapporteur open the holdouts of a clause; the server decides what they see in it.</summary>
    private bool CanSeeHoldouts => Dialogue is { } d && Holdouts.MayView(d.You.Role);

    private bool HoldoutsShownFor(Guid clauseId) => holdoutsFor == clauseId;

    private bool CanTakePositions => Dialogue?.You.Role.MayTakePositions(Rule.FacilitatorsVote) == true;

    private bool Frozen => Statement?.Frozen is not null;

    private bool PositionsOpen => Dialogue?.Phase.AllowsPositions() == true && !Frozen && Clause?.Withdrawn == false;

    private bool EditingOpen => Dialogue?.Phase.AllowsEditing() == true && !Frozen;

    private bool AmendmentsOpen => Dialogue?.Phase.AllowsAmendments() == true && !Frozen;

    private string? PositionsClosedReason => Dialogue is null ? null
        : Clause?.Withdrawn == true ? L["ClauseWasWithdrawn"].Value
        : Frozen ? L["FrozenPositionsClosed"].Value
        : !Dialogue.Phase.AllowsPositions() ? L["PositionsClosedInPhase", Presentation.Label(Dialogue.Phase)].Value
        : null;

    private IReadOnlyList<Amendment> ClauseAmendments =>
        Statement is { } s && Clause is { } c ? [.. s.Amendments.Where(a => a.ClauseId == c.Id).OrderByDescending(a => a.ProposedAt)] : [];

    private string? PreviewAuthor(Guid clauseId) =>
        State?.PreviewOf(clauseId) is { } preview ? Dialogue?.MemberOrNull(preview.Author)?.DisplayName : null;

    private void SelectClause(Guid clauseId)
    {
        selectedClauseId = clauseId;
        followFloor = clauseId == FocusClauseId;
    }

    private void FollowFloor()
    {
        followFloor = true;
        selectedClauseId = null;
    }

    private void SelectStatement(object? value)
    {
        if (Guid.TryParse(value?.ToString(), out var id))
        {
            selectedStatementId = id;
            selectedClauseId = null;
        }
    }

    // ---- commands: each goes to the hub; a refusal is shown with the rule's message ----

    /// <param name="refusalShownInline">The component shows the refusal itself (beside the form), so no snackbar.</param>
    private async Task<CommandOutcome> RunAsync(Func<IDialogueHub, Task<CommandOutcome>> command, string? done = null, bool refusalShownInline = false)
    {
        busy = true;
        try
        {
            var outcome = await Session!.SendAsync(command);
            if (!outcome.Accepted && outcome.Error is { } error && error.Rule != RapporteurEditor.StaleBaseRule && !refusalShownInline)
                Snackbar.Add(error.Localized(), Severity.Error);
            else if (outcome.Accepted && done is not null)
                Snackbar.Add(done, Severity.Success);
            return outcome;
        }
        finally
        {
            busy = false;
        }
    }

    private Task TakePositionAsync(PositionChoice choice) =>
        Statement is { } s && Clause is { } c
            ? RunAsync(hub => hub.TakePosition(new TakePositionRequest(DialogueId, s.Id, c.Id, c.Revision, choice.Kind, choice.Note)))
            : Task.CompletedTask;

    private Task TakeOptionPositionAsync(OptionChoice option) =>
        Statement is { } s && Clause is { } c
            ? RunAsync(hub => hub.TakePosition(new TakePositionRequest(DialogueId, s.Id, c.Id, c.Revision, option.Choice.Kind, option.Choice.Note, option.OptionId)))
            : Task.CompletedTask;

    private Task StateRangeAsync(RangeChoice range) =>
        Statement is { } s && Clause is { } c
            ? RunAsync(hub => hub.StateRange(new StateRangeRequest(DialogueId, s.Id, c.Id, c.Revision, range.Low, range.High)))
            : Task.CompletedTask;

    private async Task<CommandOutcome> ReviseAsync(ClauseRevision revision)
    {
        var statement = Statement!;
        var outcome = await RunAsync(hub => hub.ReviseClause(new ReviseClauseRequest(DialogueId, statement.Id, revision.ClauseId, revision.BaseRevision, revision.Text, revision.Kind, revision.Rationale)), L["RevisionCommitted"]);
        // The merge view needs the text that won: make sure it is here before the editor shows it.
        if (outcome.Error?.Rule == RapporteurEditor.StaleBaseRule)
            await Session!.RefreshStatementAsync(statement.Id);
        return outcome;
    }

    private async Task PreviewAsync(DraftText draft)
    {
        if (Statement is { } s && Session is { } session)
            await session.SendAsync(hub => hub.DraftPreview(new DraftPreviewRequest(DialogueId, s.Id, draft.ClauseId, draft.BaseRevision, draft.Text)));
    }

    private async Task<bool> ProposeClauseAsync(ClauseProposal proposal)
    {
        if (Statement is not { } s)
            return false;
        var id = Guid.NewGuid();
        var outcome = await RunAsync(hub => hub.ProposeClause(new ProposeClauseRequest(DialogueId, s.Id, proposal.Kind, proposal.Text,
            proposal.InsertAfter ? Clause?.Id : null, proposal.Parameter, proposal.Rationale, id)), L["ClauseProposed"]);
        if (outcome.Accepted)
        {
            selectedClauseId = id;
            followFloor = false;
        }
        return outcome.Accepted;
    }

    private async Task<bool> ProposeAmendmentAsync(AmendmentProposal proposal)
    {
        if (Statement is not { } s || Clause is not { } c)
            return false;
        var outcome = await RunAsync(hub => hub.ProposeAmendment(new ProposeAmendmentRequest(DialogueId, s.Id, c.Id, c.Revision, proposal.Text, proposal.Rationale)), L["AmendmentProposed"]);
        return outcome.Accepted;
    }

    private Task DecideAmendmentAsync(AmendmentDecision decision) =>
        Statement is { } s
            ? RunAsync(hub => hub.DecideAmendment(new DecideAmendmentRequest(DialogueId, s.Id, decision.AmendmentId, decision.Accept, decision.Reason)),
                decision.Accept ? L["AmendmentAccepted"] : L["AmendmentDeclined"])
            : Task.CompletedTask;

    private Task RaiseHandAsync() => RunAsync(hub => hub.RaiseHand(new DialogueRequest(DialogueId)));

    private Task LowerHandAsync() => RunAsync(hub => hub.LowerHand(new LowerHandRequest(DialogueId)));

    private Task SetPhaseAsync(Phase phase) => RunAsync(hub => hub.SetPhase(new SetPhaseRequest(DialogueId, phase)), L["PhaseNow", Presentation.Label(phase)]);

    private async Task SetFocusAsync(Guid? clauseId)
    {
        var outcome = await RunAsync(hub => hub.SetFocus(new SetFocusRequest(DialogueId, clauseId is null ? null : Statement?.Id, clauseId)));
        if (outcome.Accepted)
            FollowFloor();
    }

    private Task SetAgendaItemAsync(Guid? itemId) => RunAsync(hub => hub.SetCurrentAgendaItem(new SetCurrentAgendaItemRequest(DialogueId, itemId)));

    private Task StartTimerAsync(TimerRequest timer) => RunAsync(hub => hub.StartTimer(new StartTimerRequest(DialogueId, timer.Label, timer.Seconds)));

    private Task StopTimerAsync() => RunAsync(hub => hub.StopTimer(new DialogueRequest(DialogueId)));

    private Task GiveFloorAsync(Guid participantId) => RunAsync(hub => hub.LowerHand(new LowerHandRequest(DialogueId, participantId)));

    private Task ResolveAsync(BracketResolution resolution) =>
        Statement is { } s && Clause is { } c
            ? RunAsync(hub => hub.ResolveAlternative(new ResolveAlternativeRequest(DialogueId, s.Id, c.Id, resolution.OptionId, resolution.Kind)),
                resolution.Kind == RevisionKind.Editorial ? L["BracketResolvedEditorial", resolution.OptionId] : L["BracketResolvedSubstantive", resolution.OptionId])
            : Task.CompletedTask;

    private async Task ToggleHoldoutsAsync(Guid clauseId)
    {
        if (holdoutsFor == clauseId)
        {
            holdoutsFor = null;
            return;
        }
        holdoutsFor = clauseId;
        await LoadHoldoutsAsync(clauseId);
    }

    /// <summary>Reads the clause's holdouts over HTTP: they are not pushed, since they are the chair's alone.</summary>
    private async Task LoadHoldoutsAsync(Guid clauseId)
    {
        if (Statement is not { } s)
            return;
        holdouts = null;
        holdoutsProblem = null;
        var result = await Api.GetHoldoutsAsync(DialogueId, s.Id, clauseId);
        if (holdoutsFor != clauseId)
            return;
        holdouts = result.Value;
        holdoutsProblem = result.Problem?.Localized();
    }

    /// <summary>The reminder's "Go to clause n": that clause, in its statement, and the reminder has done its job.</summary>
    private async Task OpenRemindedClauseAsync(Guid clauseId)
    {
        if (State?.Reminders.FirstOrDefault(r => r.ClauseId == clauseId) is { } reminder)
        {
            selectedStatementId = reminder.StatementId;
            SelectClause(clauseId);
            await Session!.DismissReminderAsync(clauseId);
        }
    }

    private Task<CommandOutcome> SignAsync(SignatureDetails signature) =>
        Statement is { } s
            ? RunAsync(hub => hub.Sign(new SignRequest(DialogueId, s.Id, signature.Affiliation, signature.Capacity, signature.TextHash)), L["Signed"], refusalShownInline: true)
            : Task.FromResult(NoStatement);

    private Task<CommandOutcome> WithdrawSignatureAsync(string? reason) =>
        Statement is { } s
            ? RunAsync(hub => hub.WithdrawSignature(new WithdrawSignatureRequest(DialogueId, s.Id, reason)), L["SignatureWithdrawn"], refusalShownInline: true)
            : Task.FromResult(NoStatement);

    private Task FreezeAsync() =>
        Statement is { } s ? RunAsync(hub => hub.FreezeStatement(new StatementRequest(DialogueId, s.Id)), L["TextIsFrozen"]) : Task.CompletedTask;

    /// <summary>
    /// "Show the room": every clause with enough changes, or the one named. A named clause with too
    /// few changes is refused with a message that names the risk; the chair reads it in a
    /// confirmation and may force the release, which everyone then sees marked as forced.
    /// </summary>
    private async Task ShowTheRoomAsync(Guid? clauseId)
    {
        if (Statement is not { } s)
            return;
        var outcome = await RunAsync(hub => hub.ShowTheRoom(new ShowTheRoomRequest(DialogueId, s.Id, clauseId)), L["RoomSeesFigures"], refusalShownInline: true);
        if (outcome.Accepted || outcome.Error is not { } error)
            return;
        if (error.Rule != TooFewChangesRule || clauseId is not { } id)
        {
            Snackbar.Add(error.Localized(), Severity.Error);
            return;
        }
        if (await ConfirmDialog.AskAsync(Dialogs, L["ReleaseTooFewTitle"], error.Localized(), [], L["ReleaseAnyway"], destructive: true))
            await RunAsync(hub => hub.ShowTheRoom(new ShowTheRoomRequest(DialogueId, s.Id, id, Force: true)), L["ReleasedForced"]);
    }
}
