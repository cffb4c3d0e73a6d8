using Deliberation.Client.Api;
using Deliberation.Client.Localization;
using Deliberation.Client.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Deliberation.Client.Components;

/// <summary>
/// "Issue invites for everyone" on the setup page (docs/api.md, "Every invite at once"): every
/// member without a live invite gets one — or, asked, everyone a new one with the old revoked —
/// and the links, shown this once, come as a CSV download and as printable cards with QR codes.
/// </summary>
public sealed partial class InvitesForEveryone
{
    private IssuedInvites? issued;
    private bool reissueAll;
    private bool issuing;
    private string status = "";

    [Parameter, EditorRequired]
    public Guid DialogueId { get; set; }

    /// <summary>The dialogue's title, printed on every card.</summary>
    [Parameter]
    public string Title { get; set; } = "";

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Called after invites were issued, so the page reloads its list of invites.</summary>
    [Parameter]
    public EventCallback OnIssued { get; set; }

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    /// <summary>
    /// The list as a data: URL, since the links exist only in this page; with a byte order mark so
    /// a spreadsheet opens names in any script as UTF-8.
    /// </summary>
    private string CsvHref => "data:text/csv;charset=utf-8," + Uri.EscapeDataString("\uFEFF" + issued!.Csv);

    private static string CsvFileName => "invites.csv";

    private async Task IssueAsync()
    {
        if (reissueAll && !await ConfirmDialog.AskAsync(Dialogs, Setup.Get("ReissueEveryInvite"), Setup.Get("ReissueLead"),
                [Setup.Get("NewLinksShownOnce")], Setup.Get("RevokeAndReissue"), destructive: true))
            return;
        issuing = true;
        status = Setup.Get("IssuingInvites");
        var result = await Api.IssueInvitesForEveryoneAsync(DialogueId, reissueAll);
        issuing = false;
        if (result.Value is { } answer)
        {
            issued = answer;
            status = answer.Invites.Count switch
            {
                0 => Setup.Get("EveryoneHasInvite"),
                1 => Setup.Get("OneInviteIssued"),
                var n => Setup.Format("InvitesIssued", n),
            };
            if (answer.Revoked > 0)
                status += answer.Revoked == 1 ? Setup.Get("OneOldInviteRevoked") : Setup.Format("OldInvitesRevoked", answer.Revoked);
            reissueAll = false;
            await OnIssued.InvokeAsync();
        }
        else
        {
            status = result.Problem?.Localized() ?? Setup.Get("InvitesNotIssued");
        }
    }

    private async Task PrintAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("print");
        }
        catch (JSException)
        {
            status = Setup.Get("PrintingDidNotStart");
        }
    }
}
