using System.Text.Json.Nodes;
using Deliberation.Domain;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Client.Room;

/// <summary>
/// The dialogue hub as the contract declares it: each call goes to the server method of the same
/// name on <see cref="IDialogueHub"/>, and <see cref="Listen"/> routes the pushes of
/// <see cref="IDialogueClient"/>, so a renamed hub method is a compile error here, not a silent
/// failure in the browser.
/// </summary>
public sealed class DialogueHubProxy(HubConnection connection, CancellationToken cancellationToken) : IDialogueHub
{
    /// <summary>Sends each push to <paramref name="client"/>; dispose the handles to stop.</summary>
    public IReadOnlyList<IDisposable> Listen(IDialogueClient client) =>
    [
        connection.On<string, List<JsonObject>>(nameof(IDialogueClient.EventsAppended), client.EventsAppended),
        connection.On<ConsensusUpdate>(nameof(IDialogueClient.ConsensusChanged), client.ConsensusChanged),
        connection.On<PresenceView>(nameof(IDialogueClient.PresenceChanged), client.PresenceChanged),
        connection.On<DraftPreviewView>(nameof(IDialogueClient.DraftPreview), client.DraftPreview),
        connection.On<HistoryIntegrityView>(nameof(IDialogueClient.HistoryIntegrityChanged), client.HistoryIntegrityChanged),
        connection.On<StaleReminderView>(nameof(IDialogueClient.StaleReminder), client.StaleReminder),
        connection.On<RoomHeartbeat>(nameof(IDialogueClient.Heartbeat), client.Heartbeat),
    ];

    public Task<JoinResult> JoinDialogue(Guid dialogueId, Dictionary<string, long?>? seen) =>
        connection.InvokeAsync<JoinResult>(nameof(IDialogueHub.JoinDialogue), dialogueId, seen, cancellationToken);

    public Task<JoinResult> WatchAsRoom(Guid dialogueId, Dictionary<string, long?>? seen) =>
        connection.InvokeAsync<JoinResult>(nameof(IDialogueHub.WatchAsRoom), dialogueId, seen, cancellationToken);

    public Task LeaveDialogue(Guid dialogueId) =>
        connection.InvokeAsync(nameof(IDialogueHub.LeaveDialogue), dialogueId, cancellationToken);

    public Task<IReadOnlyList<StreamEvents>> CatchUp(Guid dialogueId, Dictionary<string, long?> seen) =>
        connection.InvokeAsync<IReadOnlyList<StreamEvents>>(nameof(IDialogueHub.CatchUp), dialogueId, seen, cancellationToken);

    public Task<CommandOutcome> TakePosition(TakePositionRequest r) => Command(nameof(IDialogueHub.TakePosition), r);

    public Task<CommandOutcome> StateRange(StateRangeRequest r) => Command(nameof(IDialogueHub.StateRange), r);

    public Task<CommandOutcome> ReviseClause(ReviseClauseRequest r) => Command(nameof(IDialogueHub.ReviseClause), r);

    public Task<CommandOutcome> ProposeClause(ProposeClauseRequest r) => Command(nameof(IDialogueHub.ProposeClause), r);

    public Task<CommandOutcome> TranslateClause(TranslateClauseRequest r) => Command(nameof(IDialogueHub.TranslateClause), r);

    public Task<CommandOutcome> TranslateOption(TranslateOptionRequest r) => Command(nameof(IDialogueHub.TranslateOption), r);

    public Task<CommandOutcome> PinGlossaryTerm(PinGlossaryTermRequest r) => Command(nameof(IDialogueHub.PinGlossaryTerm), r);

    public Task<CommandOutcome> UnpinGlossaryTerm(UnpinGlossaryTermRequest r) => Command(nameof(IDialogueHub.UnpinGlossaryTerm), r);

    public Task<CommandOutcome> ProposeAmendment(ProposeAmendmentRequest r) => Command(nameof(IDialogueHub.ProposeAmendment), r);

    public Task<CommandOutcome> AddAlternative(AddAlternativeRequest r) => Command(nameof(IDialogueHub.AddAlternative), r);

    public Task<CommandOutcome> ResolveAlternative(ResolveAlternativeRequest r) => Command(nameof(IDialogueHub.ResolveAlternative), r);

    public Task<CommandOutcome> DecideAmendment(DecideAmendmentRequest r) => Command(nameof(IDialogueHub.DecideAmendment), r);

    public Task<CommandOutcome> FreezeStatement(StatementRequest r) => Command(nameof(IDialogueHub.FreezeStatement), r);

    public Task<CommandOutcome> Sign(SignRequest r) => Command(nameof(IDialogueHub.Sign), r);

    public Task<CommandOutcome> WithdrawSignature(WithdrawSignatureRequest r) => Command(nameof(IDialogueHub.WithdrawSignature), r);

    public Task<CommandOutcome> ShowTheRoom(ShowTheRoomRequest r) => Command(nameof(IDialogueHub.ShowTheRoom), r);

    public Task<CommandOutcome> RaiseHand(DialogueRequest r) => Command(nameof(IDialogueHub.RaiseHand), r);

    public Task<CommandOutcome> LowerHand(LowerHandRequest r) => Command(nameof(IDialogueHub.LowerHand), r);

    public Task<CommandOutcome> SetPhase(SetPhaseRequest r) => Command(nameof(IDialogueHub.SetPhase), r);

    public Task<CommandOutcome> SetFocus(SetFocusRequest r) => Command(nameof(IDialogueHub.SetFocus), r);

    public Task<CommandOutcome> SetCurrentAgendaItem(SetCurrentAgendaItemRequest r) => Command(nameof(IDialogueHub.SetCurrentAgendaItem), r);

    public Task<CommandOutcome> StartTimer(StartTimerRequest r) => Command(nameof(IDialogueHub.StartTimer), r);

    public Task<CommandOutcome> StopTimer(DialogueRequest r) => Command(nameof(IDialogueHub.StopTimer), r);

    public Task<CommandOutcome> DraftPreview(DraftPreviewRequest r) => Command(nameof(IDialogueHub.DraftPreview), r);

    public Task<ReminderOutcome> RemindStale(RemindStaleRequest r) =>
        connection.InvokeAsync<ReminderOutcome>(nameof(IDialogueHub.RemindStale), r, cancellationToken);

    private Task<CommandOutcome> Command(string method, object request) =>
        connection.InvokeAsync<CommandOutcome>(method, request, cancellationToken);
}
