using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Deliberation.Client.Components;

/// <summary>
/// Asks before a change to the dialogue that others feel at once (a member removed, a role or
/// group changed, settings or the rule changed): what will happen, the changes one per line, and
/// a button that says what it does. Escape or Cancel leaves everything as it was.
/// </summary>
public sealed partial class ConfirmDialog
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = null!;

    /// <summary>What will happen, in a sentence.</summary>
    [Parameter, EditorRequired]
    public string Lead { get; set; } = "";

    [Parameter]
    public IReadOnlyList<string> Lines { get; set; } = [];

    [Parameter]
    public string ConfirmText { get; set; } = "Confirm";

    /// <summary>Whether the action removes something: the button is red.</summary>
    [Parameter]
    public bool Destructive { get; set; }

    private void Confirm() => Dialog.Close(DialogResult.Ok(true));

    private void Cancel() => Dialog.Close(DialogResult.Cancel());

    /// <summary>Shows the dialog and answers whether the organiser confirmed.</summary>
    public static async Task<bool> AskAsync(IDialogService dialogs, string title, string lead, IReadOnlyList<string> lines, string confirmText, bool destructive = false)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { x => x.Lead, lead },
            { x => x.Lines, lines },
            { x => x.ConfirmText, confirmText },
            { x => x.Destructive, destructive },
        };
        var options = new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true };
        var reference = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, options);
        var result = await reference.Result;
        return result is { Canceled: false };
    }
}
