using Deliberation.Domain;

namespace Deliberation.Contracts.Hub;

/// <summary>
/// What a client may call on the dialogue hub (docs/api.md): join with what it holds and get what
/// it missed, catch up after a gap, and send commands, each answered with
/// <c>{accepted, streamId, version, error}</c> only after its events are stored. The server's hub
/// implements it; the client calls it by these method names.
/// </summary>
public interface IDialogueHub
{
    /// <summary>Joins the room: a snapshot when <paramref name="seen"/> holds nothing (or too little), else the events missed.</summary>
    Task<JoinResult> JoinDialogue(Guid dialogueId, Dictionary<string, long?>? seen);

    /// <summary>Joins as the room's audience (the projector): what a delegate sees, with no own positions, whoever calls it.</summary>
    Task<JoinResult> WatchAsRoom(Guid dialogueId, Dictionary<string, long?>? seen);

    Task LeaveDialogue(Guid dialogueId);

    /// <summary>Events after the versions given, for a client that saw a gap; same rendering as a push.</summary>
    Task<IReadOnlyList<StreamEvents>> CatchUp(Guid dialogueId, Dictionary<string, long?> seen);

    Task<CommandOutcome> TakePosition(TakePositionRequest r);

    Task<CommandOutcome> StateRange(StateRangeRequest r);

    Task<CommandOutcome> ReviseClause(ReviseClauseRequest r);

    Task<CommandOutcome> ProposeClause(ProposeClauseRequest r);

    Task<CommandOutcome> TranslateClause(TranslateClauseRequest r);

    Task<CommandOutcome> TranslateOption(TranslateOptionRequest r);

    Task<CommandOutcome> PinGlossaryTerm(PinGlossaryTermRequest r);

    Task<CommandOutcome> UnpinGlossaryTerm(UnpinGlossaryTermRequest r);

    Task<CommandOutcome> ProposeAmendment(ProposeAmendmentRequest r);

    Task<CommandOutcome> AddAlternative(AddAlternativeRequest r);

    Task<CommandOutcome> ResolveAlternative(ResolveAlternativeRequest r);

    Task<CommandOutcome> DecideAmendment(DecideAmendmentRequest r);

    Task<CommandOutcome> FreezeStatement(StatementRequest r);

    Task<CommandOutcome> Sign(SignRequest r);

    Task<CommandOutcome> WithdrawSignature(WithdrawSignatureRequest r);

    /// <summary>The chair releases figures to the room now (docs/api.md, "Releases").</summary>
    Task<CommandOutcome> ShowTheRoom(ShowTheRoomRequest r);

    Task<CommandOutcome> RaiseHand(DialogueRequest r);

    Task<CommandOutcome> LowerHand(LowerHandRequest r);

    Task<CommandOutcome> SetPhase(SetPhaseRequest r);

    Task<CommandOutcome> SetFocus(SetFocusRequest r);

    /// <summary>The chair takes up an agenda item: "Next item" in the console.</summary>
    Task<CommandOutcome> SetCurrentAgendaItem(SetCurrentAgendaItemRequest r);

    Task<CommandOutcome> StartTimer(StartTimerRequest r);

    Task<CommandOutcome> StopTimer(DialogueRequest r);

    /// <summary>
    /// The chair (or the rapporteur) reminds the delegates whose position on the clause is stale:
    /// a push to them alone; the caller learns only how many. At most once a minute per clause.
    /// </summary>
    Task<ReminderOutcome> RemindStale(RemindStaleRequest r);

    /// <summary>Relays uncommitted text to the others in the room (not stored).</summary>
    Task<CommandOutcome> DraftPreview(DraftPreviewRequest r);
}
