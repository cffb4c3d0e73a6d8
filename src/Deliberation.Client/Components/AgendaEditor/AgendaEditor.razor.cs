using Deliberation.Client.Api;
using Deliberation.Client.Localization;
using Deliberation.Client.Resources;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The agenda on the setup page: add, edit, reorder and remove items, each with its minutes and,
/// optionally, the statement or clause it covers. The form checks what the domain would refuse
/// (a title, 1 to 480 minutes) before sending, and shows the domain's own message if it still refuses.
/// </summary>
public sealed partial class AgendaEditor
{
    private AgendaItem? editing;
    private string title = "";
    private int? minutes = 15;
    private Guid? statementId;
    private Guid? clauseId;
    private IReadOnlyList<ClauseView> clauses = [];
    private string? error;
    private bool sending;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Parameter, EditorRequired]
    public Guid DialogueId { get; set; }

    [Parameter, EditorRequired]
    public DialogueView Dialogue { get; set; } = null!;

    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>Called after every accepted change, so the page shows the agenda as it now is.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    /// <summary>Why the form cannot be sent as filled in, in the words a chair needs; null when it can.</summary>
    public static string? Problem(string title, int? minutes)
    {
        if (string.IsNullOrWhiteSpace(title))
            return Setup.Get("GiveItemTitle");
        if (title.Trim().Length > Limits.TitleLength)
            return Setup.Format("ItemTitleTooLong", Limits.TitleLength);
        return minutes is >= 1 and <= Limits.AgendaItemMinutes
            ? null
            : Setup.Format("ItemMinutesRange", Limits.AgendaItemMinutes);
    }

    private string Covers(AgendaItem item)
    {
        if (item.StatementId is not { } sid || Dialogue.Statements.FirstOrDefault(s => s.Id == sid) is not { } statement)
            return "";
        return item.ClauseId is null ? $" · {statement.Title}" : Setup.Format("AClauseOf", statement.Title);
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private async Task SaveAsync()
    {
        error = Problem(title, minutes);
        if (error is not null)
            return;
        var item = new AgendaItem(editing?.Id ?? Guid.Empty, title.Trim(), minutes, statementId, statementId is null ? null : clauseId);
        DialogueCommand command = editing is null ? new AddAgendaItem(item) : new ChangeAgendaItem(item);
        if (await SendAsync(command))
            ClearForm();
    }

    private async Task EditAsync(AgendaItem item)
    {
        editing = item;
        title = item.Title;
        minutes = item.Minutes;
        error = null;
        await LoadClausesAsync(item.StatementId);
        clauseId = item.ClauseId;
    }

    private void ClearForm()
    {
        editing = null;
        title = "";
        minutes = 15;
        statementId = null;
        clauseId = null;
        clauses = [];
        error = null;
    }

    private Task MoveAsync(AgendaItem item, int position) => SendAsync(new MoveAgendaItem(item.Id, position));

    private async Task RemoveAsync(AgendaItem item)
    {
        if (await SendAsync(new RemoveAgendaItem(item.Id)) && editing?.Id == item.Id)
            ClearForm();
    }

    private Task PickStatementAsync(object? value)
    {
        clauseId = null;
        return LoadClausesAsync(Guid.TryParse(value as string, out var id) ? id : null);
    }

    private async Task LoadClausesAsync(Guid? statement)
    {
        statementId = statement;
        clauses = statement is { } id && (await Api.GetStatementAsync(DialogueId, id)).Value is { } view
            ? [.. view.Clauses.Where(c => !c.Withdrawn)]
            : [];
    }

    /// <summary>Sends a change; a refusal is shown beside the form with the domain's message.</summary>
    private async Task<bool> SendAsync(DialogueCommand command)
    {
        sending = true;
        var result = await Api.SendDialogueCommandAsync(DialogueId, command);
        sending = false;
        if (!result.Ok)
        {
            error = result.Problem?.Localized() ?? Setup.Get("AgendaNotChanged");
            return false;
        }
        error = null;
        await OnChanged.InvokeAsync();
        return true;
    }
}
