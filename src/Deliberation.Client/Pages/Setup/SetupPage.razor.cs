using System.Collections.Immutable;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Client.Localization;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Deliberation.Client.Pages.Setup;

/// <summary>
/// For the convener and facilitators: the roster (editing a member's name, affiliation, role and
/// groups; removing a member), adding a member (which makes an invite link, shown once, with a copy
/// button), the settings and the consensus rule, the invites with revocation, and the statements.
/// Every change others feel at once is confirmed first.
/// </summary>
public sealed partial class SetupPage
{
    private DialogueView? dialogue;
    private ApiProblem? problem;
    private List<InviteView>? invites;
    private bool busy;
    private IssuedInvite? issued;
    private string issuedFor = "";
    private string statementTitle = "";
    private Guid? editingMember;
    private string? settingsRefusal;
    private ElementReference linkInput;

    [Parameter]
    public Guid DialogueId { get; set; }

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    private bool Closed => dialogue?.Phase == Phase.Closed;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Api.GetDialogueAsync(DialogueId);
        dialogue = result.Value;
        problem = result.Problem;
        if (dialogue?.You.Role.Organises() == true)
            invites = (await Api.ListInvitesAsync(DialogueId)).Value ?? [];
    }

    private IEnumerable<string> GroupCounts() => dialogue!.Dimensions.Select(d =>
        Resources.Setup.Format("GroupCountsOf", d.Name, string.Join(Resources.Setup.Get("ListSeparator"), d.Groups.Select(g => Resources.Setup.Format("GroupCount", g, dialogue.Roster.Count(m => m.Groups.GetValueOrDefault(d.Name) == g))))));

    /// <summary>An invite's state, as the key suffix of its word in Setup.resx.</summary>
    private static string StateOf(InviteView invite) =>
        invite.RevokedAt is not null ? "revoked" : invite.ExpiresAt < DateTimeOffset.UtcNow ? "expired" : "valid";

    private async Task<bool> AddMemberAsync(AddMemberRequest request)
    {
        busy = true;
        var result = await Api.AddMemberAsync(DialogueId, request);
        busy = false;
        if (result.Value is { } invite)
        {
            issued = invite;
            issuedFor = request.DisplayName;
            Snackbar.Add(Resources.Setup.Format("MemberAdded", request.DisplayName), Severity.Success);
            await LoadAsync();
            // The form calls back through a plain delegate (it needs the answer), which, unlike an
            // EventCallback, does not re-render this page: the new roster and invite must be shown.
            StateHasChanged();
            return true;
        }
        Snackbar.Add(result.Problem?.Localized() ?? Resources.Setup.Get("MemberNotAdded"), Severity.Error);
        StateHasChanged();
        return false;
    }

    private async Task ReissueAsync(MemberView member)
    {
        busy = true;
        var result = await Api.ReissueInviteAsync(DialogueId, member.ParticipantId);
        busy = false;
        if (result.Value is { } invite)
        {
            issued = invite;
            issuedFor = member.DisplayName;
            await LoadAsync();
        }
        else
        {
            Snackbar.Add(result.Problem?.Localized() ?? Resources.Setup.Get("NoNewInvite"), Severity.Error);
        }
    }

    private async Task RevokeAsync(InviteView invite)
    {
        busy = true;
        var result = await Api.RevokeInviteAsync(DialogueId, invite.CodeHash);
        busy = false;
        if (result.Ok)
            Snackbar.Add(Resources.Setup.Get("InviteRevoked"), Severity.Success);
        else
            Snackbar.Add(result.Problem?.Localized() ?? Resources.Setup.Get("InviteNotRevoked"), Severity.Error);
        await LoadAsync();
    }

    private async Task AddStatementAsync()
    {
        busy = true;
        var result = await Api.AddStatementAsync(DialogueId, statementTitle.Trim());
        busy = false;
        if (result.Ok)
        {
            statementTitle = "";
            await LoadAsync();
        }
        else
        {
            Snackbar.Add(result.Problem?.Localized() ?? Resources.Setup.Get("StatementNotAdded"), Severity.Error);
        }
    }

    private async Task UpdateMemberAsync(Member edited)
    {
        if (dialogue?.MemberOrNull(edited.ParticipantId) is not { } before)
            return;
        var changes = MemberEditor.Describe(before, edited);
        var recount = before.Role != edited.Role || !before.Groups.OrderBy(g => g.Key).SequenceEqual(edited.Groups.OrderBy(g => g.Key));
        var lead = recount
            ? Resources.Setup.Format("ChangeMemberRecount", before.DisplayName)
            : Resources.Setup.Format("ChangeMember", before.DisplayName);
        if (!await ConfirmDialog.AskAsync(Dialogs, Resources.Setup.Get("ChangeAMember"), lead, changes, Resources.Setup.Get("SaveChanges")))
            return;
        if ((await SendAsync(new UpdateMember(edited), Resources.Setup.Format("MemberChanged", edited.DisplayName), Resources.Setup.Get("MemberNotChanged"))).Ok)
            editingMember = null;
    }

    private async Task RemoveMemberAsync(MemberView member)
    {
        var lead = Resources.Setup.Format("RemoveMemberLead", member.DisplayName, Presentation.Label(member.Role));
        if (await ConfirmDialog.AskAsync(Dialogs, Resources.Setup.Get("RemoveAMember"), lead, [], Resources.Setup.Get("Remove"), destructive: true))
            await SendAsync(new RemoveMember(member.ParticipantId), Resources.Setup.Format("MemberRemoved", member.DisplayName), Resources.Setup.Get("MemberNotRemoved"));
    }

    private async Task ChangeSettingsAsync(DialogueSettings settings)
    {
        var before = dialogue!.Settings;
        var lead = before.Confidentiality != settings.Confidentiality || before.MinimumGroupSize != settings.MinimumGroupSize
            ? Resources.Setup.Get("SaveSettingsVisibility")
            : Resources.Setup.Get("SaveSettingsQuestion");
        if (!await ConfirmDialog.AskAsync(Dialogs, Resources.Setup.Get("ChangeTheSettings"), lead, SettingsForm.Describe(before, settings), Resources.Setup.Get("SaveSettings")))
            return;
        var result = await SendAsync(new ChangeSettings(settings), Resources.Setup.Get("SettingsSaved"), Resources.Setup.Get("SettingsNotSaved"));
        // The form keeps the refused settings, and says why beside its button until the next save.
        settingsRefusal = result.Ok ? null : result.Problem?.Localized() ?? Resources.Setup.Get("SettingsNotSaved");
    }

    private async Task ChangeRulesAsync(ConsensusRules rules)
    {
        var lead = Resources.Setup.Get("SaveRuleLead");
        if (await ConfirmDialog.AskAsync(Dialogs, Resources.Setup.Get("ChangeTheRule"), lead, RuleForm.Describe(dialogue!.Rules.Default, rules.Default), Resources.Setup.Get("SaveRule")))
            await SendAsync(new ChangeConsensusRules(rules), Resources.Setup.Get("RuleSaved"), Resources.Setup.Get("RuleNotSaved"));
    }

    /// <summary>Sends a dialogue command; a refusal is shown with the rule's message in the reader's language. Reloads either way, so the page shows what is.</summary>
    private async Task<ApiResult<CommandOutcome>> SendAsync(DialogueCommand command, string done, string failed)
    {
        busy = true;
        var result = await Api.SendDialogueCommandAsync(DialogueId, command);
        busy = false;
        if (result.Ok)
            Snackbar.Add(done, Severity.Success);
        else
            Snackbar.Add(result.Problem?.Localized() ?? failed, Severity.Error);
        await LoadAsync();
        return result;
    }

    private async Task CopyAsync()
    {
        if (issued is null)
            return;
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", issued.Link);
            Snackbar.Add(Resources.Setup.Get("LinkCopied"), Severity.Success);
        }
        catch (JSException)
        {
            // Clipboard access needs a secure page; the link is selected for copying by hand instead.
            await SelectLinkAsync();
            Snackbar.Add(Resources.Setup.Get("CopyWithCtrlC"), Severity.Info);
        }
    }

    /// <summary>Focusing the link selects it (its onfocus does), ready for Ctrl+C.</summary>
    private async Task SelectLinkAsync()
    {
        try
        {
            await linkInput.FocusAsync();
        }
        catch (JSException)
        {
            // Selecting is a convenience only.
        }
    }
}
