using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Realtime;
using Deliberation.Server.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Hubs;

/// <summary>
/// The live room (docs/api.md, "SignalR hub"): join with what you hold and get what you missed,
/// send commands, and receive pushes. Identity is the session the cookie names in the dialogue a call
/// is about, checked by <see cref="SessionHubFilter"/> on every call; every command is judged by the domain and
/// answered with <c>{accepted, streamId, version, error}</c> only after its events are stored.
/// </summary>
[Authorize]
public sealed class DialogueHub(DialogueService dialogues, LiveRoomService room) : Hub<IDialogueClient>, IDialogueHub
{
    public Task<JoinResult> JoinDialogue(Guid dialogueId, Dictionary<string, long?>? seen) =>
        room.JoinAsync(HubCaller.ParticipantOf(Context, dialogueId), Context.ConnectionId, Groups, dialogueId, seen ?? []);

    /// <summary>
    /// Joins as the room's audience — what the projector shows, whoever opens it (docs/api.md,
    /// "WatchAsRoom"): rendered as a delegate with no own positions, released figures only where a
    /// delegate sees only those. The caller must still be a member; her session carries the connection.
    /// </summary>
    public Task<JoinResult> WatchAsRoom(Guid dialogueId, Dictionary<string, long?>? seen) =>
        room.JoinAsync(HubCaller.ParticipantOf(Context, dialogueId), Context.ConnectionId, Groups, dialogueId, seen ?? [], asRoom: true);

    public Task LeaveDialogue(Guid dialogueId) => room.LeaveAsync(Context.ConnectionId, Groups, dialogueId);

    /// <summary>Events after the versions given, for a client that saw a gap; same rendering as a push.</summary>
    public Task<IReadOnlyList<StreamEvents>> CatchUp(Guid dialogueId, Dictionary<string, long?> seen) =>
        room.CatchUpAsync(HubCaller.ParticipantOf(Context, dialogueId), Context.ConnectionId, dialogueId, seen ?? []);

    public Task<CommandOutcome> TakePosition(TakePositionRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new TakePosition(r!.ClauseId, r.Revision, r.Position, r.Note, r.OptionId));

    public Task<CommandOutcome> StateRange(StateRangeRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new StateRange(r!.ClauseId, r.Revision, r.Low, r.High));

    public Task<CommandOutcome> ReviseClause(ReviseClauseRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new ReviseClause(r!.ClauseId, r.BaseRevision, r.Text, r.Kind, r.Rationale));

    public Task<CommandOutcome> ProposeClause(ProposeClauseRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new ProposeClause(r!.ClauseId ?? Guid.Empty, r.Kind, r.Text, null, r.Parameter, r.After, r.Rationale));

    public Task<CommandOutcome> TranslateClause(TranslateClauseRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new TranslateClause(r!.ClauseId, r.Language, r.SourceRevision, r.Text));

    public Task<CommandOutcome> TranslateOption(TranslateOptionRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new TranslateOption(r!.ClauseId, r.OptionId, r.Language, r.SourceRevision, r.Text));

    public Task<CommandOutcome> PinGlossaryTerm(PinGlossaryTermRequest r) => Dialogue(r?.DialogueId, () => new PinGlossaryTerm(r!.Term));

    public Task<CommandOutcome> UnpinGlossaryTerm(UnpinGlossaryTermRequest r) => Dialogue(r?.DialogueId, () => new UnpinGlossaryTerm(r!.TermId));

    public Task<CommandOutcome> ProposeAmendment(ProposeAmendmentRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new ProposeAmendment(Guid.Empty, r!.ClauseId, r.BaseRevision, r.Text, r.Rationale));

    public Task<CommandOutcome> AddAlternative(AddAlternativeRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new AddAlternative(r!.ClauseId, r.BaseRevision, r.Slot, r.Phrase, r.Text));

    public Task<CommandOutcome> ResolveAlternative(ResolveAlternativeRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new ResolveAlternative(r!.ClauseId, r.OptionId, r.Kind, r.Rationale));

    public Task<CommandOutcome> DecideAmendment(DecideAmendmentRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new DecideAmendment(r!.AmendmentId, r.Accept, r.Reason, r.Kind));

    public Task<CommandOutcome> FreezeStatement(StatementRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new FreezeStatement());

    public Task<CommandOutcome> Sign(SignRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new Sign(r!.Affiliation, r.Capacity, r.TextHash));

    public Task<CommandOutcome> WithdrawSignature(WithdrawSignatureRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new WithdrawSignature(r!.Reason));

    /// <summary>
    /// The chair's "Show the room": releases every clause (or the one named) with at least k changes
    /// since its last release; <c>force</c> releases a named clause with fewer, marked as forced for
    /// everyone (docs/api.md, "Releases"). A refusal <c>release.too-few-changes</c> names the risk.
    /// </summary>
    public Task<CommandOutcome> ShowTheRoom(ShowTheRoomRequest r) =>
        Statement(r?.DialogueId, r?.StatementId, () => new ReleaseFigures(ReleaseTrigger.ShowTheRoom, r!.ClauseId, r.Force));

    public Task<CommandOutcome> RaiseHand(DialogueRequest r) => Dialogue(r?.DialogueId, () => new RaiseHand());

    public Task<CommandOutcome> LowerHand(LowerHandRequest r) => Dialogue(r?.DialogueId, () => new LowerHand(r!.ParticipantId));

    public Task<CommandOutcome> SetPhase(SetPhaseRequest r) => Dialogue(r?.DialogueId, () => new SetPhase(r!.Phase));

    public Task<CommandOutcome> SetFocus(SetFocusRequest r) => Dialogue(r?.DialogueId, () => new SetFocus(r!.StatementId, r.ClauseId));

    public Task<CommandOutcome> SetCurrentAgendaItem(SetCurrentAgendaItemRequest r) => Dialogue(r?.DialogueId, () => new SetCurrentAgendaItem(r!.ItemId));

    public Task<CommandOutcome> StartTimer(StartTimerRequest r) => Dialogue(r?.DialogueId, () => new StartTimer(r!.Label, r.Seconds));

    public Task<CommandOutcome> StopTimer(DialogueRequest r) => Dialogue(r?.DialogueId, () => new StopTimer());

    /// <summary>Reminds the delegates whose position on the clause is stale; the caller learns how many (docs/api.md, "RemindStale").</summary>
    public async Task<ReminderOutcome> RemindStale(RemindStaleRequest r) =>
        r is null
            ? new ReminderOutcome(false, 0, MalformedRequest.Outcome.Error)
            : await room.RemindStaleAsync(HubCaller.ParticipantOf(Context, r.DialogueId), r);

    /// <summary>Relays uncommitted text to the others in the room (not stored).</summary>
    public async Task<CommandOutcome> DraftPreview(DraftPreviewRequest r) =>
        r is null || r.Text is null ? MalformedRequest.Outcome : await room.PreviewDraftAsync(HubCaller.ParticipantOf(Context, r.DialogueId), r);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await room.DisconnectedAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task<CommandOutcome> Dialogue(Guid? dialogueId, Func<DialogueCommand> command)
    {
        if (dialogueId is not { } id)
            return MalformedRequest.Outcome;
        return await dialogues.ExecuteAsync(id, command(), HubCaller.ParticipantOf(Context, id));
    }

    private async Task<CommandOutcome> Statement(Guid? dialogueId, Guid? statementId, Func<StatementCommand> command)
    {
        if (dialogueId is not { } id || statementId is not { } sid)
            return MalformedRequest.Outcome;
        return await dialogues.ExecuteAsync(id, sid, command(), HubCaller.ParticipantOf(Context, id));
    }
}
