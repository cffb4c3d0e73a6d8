using System.Collections.Immutable;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
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
        $"{d.Name}: " + string.Join(", ", d.Groups.Select(g => $"{g} {dialogue.Roster.Count(m => m.Groups.GetValueOrDefault(d.Name) == g)}")));

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
            Snackbar.Add($"{request.DisplayName} added.", Severity.Success);
            await LoadAsync();
            // The form calls back through a plain delegate (it needs the answer), which, unlike an
            // EventCallback, does not re-render this page: the new roster and invite must be shown.
            StateHasChanged();
            return true;
        }
        Snackbar.Add(result.Problem?.Message ?? "The member could not be added.", Severity.Error);
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
            Snackbar.Add(result.Problem?.Message ?? "No new invite could be made.", Severity.Error);
        }
    }

    private async Task RevokeAsync(InviteView invite)
    {
        busy = true;
        var result = await Api.RevokeInviteAsync(DialogueId, invite.CodeHash);
        busy = false;
        if (result.Ok)
            Snackbar.Add("Invite revoked: the link no longer signs anyone in.", Severity.Success);
        else
            Snackbar.Add(result.Problem?.Message ?? "The invite could not be revoked.", Severity.Error);
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
            Snackbar.Add(result.Problem?.Message ?? "The statement could not be added.", Severity.Error);
        }
    }

    private async Task UpdateMemberAsync(Member edited)
    {
        if (dialogue?.MemberOrNull(edited.ParticipantId) is not { } before)
            return;
        var changes = MemberEditor.Describe(before, edited);
        var recount = before.Role != edited.Role || !before.Groups.OrderBy(g => g.Key).SequenceEqual(edited.Groups.OrderBy(g => g.Key));
        var lead = recount
            ? $"Change {before.DisplayName}? Their positions are counted under the new role and groups at once, in every clause's figures."
            : $"Change {before.DisplayName}?";
        if (!await ConfirmDialog.AskAsync(Dialogs, "Change a member", lead, changes, "Save changes"))
            return;
        if (await SendAsync(new UpdateMember(edited), $"{edited.DisplayName} changed.", "The member could not be changed."))
            editingMember = null;
    }

    private async Task RemoveMemberAsync(MemberView member)
    {
        var lead = $"Remove {member.DisplayName} ({member.Role}) from the dialogue? Their invite links stop working and their positions no longer count. "
            + "What they did stays in the history.";
        if (await ConfirmDialog.AskAsync(Dialogs, "Remove a member", lead, [], "Remove", destructive: true))
            await SendAsync(new RemoveMember(member.ParticipantId), $"{member.DisplayName} removed.", "The member could not be removed.");
    }

    private async Task ChangeSettingsAsync(DialogueSettings settings)
    {
        var before = dialogue!.Settings;
        var lead = before.Confidentiality != settings.Confidentiality || before.MinimumGroupSize != settings.MinimumGroupSize
            ? "Save these settings? What everyone in the room may see changes at once."
            : "Save these settings?";
        if (await ConfirmDialog.AskAsync(Dialogs, "Change the settings", lead, SettingsForm.Describe(before, settings), "Save settings"))
            await SendAsync(new ChangeSettings(settings), "Settings saved.", "The settings could not be saved.");
    }

    private async Task ChangeRulesAsync(ConsensusRules rules)
    {
        var lead = "Save this rule? Every clause's status and the consensus matrix are recomputed with it at once.";
        if (await ConfirmDialog.AskAsync(Dialogs, "Change the consensus rule", lead, RuleForm.Describe(dialogue!.Rules.Default, rules.Default), "Save rule"))
            await SendAsync(new ChangeConsensusRules(rules), "Consensus rule saved.", "The rule could not be saved.");
    }

    /// <summary>Sends a dialogue command; a refusal is shown with the rule's message. Reloads either way, so the page shows what is.</summary>
    private async Task<bool> SendAsync(DialogueCommand command, string done, string failed)
    {
        busy = true;
        var result = await Api.SendDialogueCommandAsync(DialogueId, command);
        busy = false;
        if (result.Ok)
            Snackbar.Add(done, Severity.Success);
        else
            Snackbar.Add(result.Problem?.Message ?? failed, Severity.Error);
        await LoadAsync();
        return result.Ok;
    }

    private async Task CopyAsync()
    {
        if (issued is null)
            return;
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", issued.Link);
            Snackbar.Add("Link copied.", Severity.Success);
        }
        catch (JSException)
        {
            // Clipboard access needs a secure page; the link is selected for copying by hand instead.
            await SelectLinkAsync();
            Snackbar.Add("Copy the selected link with Ctrl+C.", Severity.Info);
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
