using System.Collections.Immutable;
using Deliberation.Client.Api;
using Deliberation.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Deliberation.Client.Pages.Setup;

/// <summary>
/// For the convener and facilitators: the roster, adding a member (which makes an invite link,
/// shown once, with a copy button), the invites with revocation, and the statements.
/// </summary>
public sealed partial class SetupPage
{
    private DialogueView? dialogue;
    private ApiProblem? problem;
    private List<InviteRecord>? invites;
    private bool busy;
    private string memberName = "";
    private string memberAffiliation = "";
    private Role memberRole = Role.Delegate;
    private readonly Dictionary<string, string> memberGroups = [];
    private IssuedInvite? issued;
    private string issuedFor = "";
    private string statementTitle = "";
    private ElementReference linkInput;

    [Parameter]
    public Guid DialogueId { get; set; }

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

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

    private static string StateOf(InviteRecord invite) =>
        invite.RevokedAt is not null ? "revoked" : invite.ExpiresAt < DateTimeOffset.UtcNow ? "expired" : "valid";

    private async Task AddMemberAsync()
    {
        if (string.IsNullOrWhiteSpace(memberName))
            return;
        busy = true;
        var groups = memberGroups.Where(g => g.Value.Length > 0).ToImmutableDictionary(g => g.Key, g => g.Value);
        var name = memberName.Trim();
        var result = await Api.AddMemberAsync(DialogueId, new AddMemberRequest(name, string.IsNullOrWhiteSpace(memberAffiliation) ? null : memberAffiliation.Trim(), memberRole, groups));
        busy = false;
        if (result.Value is { } invite)
        {
            issued = invite;
            issuedFor = name;
            memberName = "";
            memberAffiliation = "";
            Snackbar.Add($"{name} added.", Severity.Success);
            await LoadAsync();
        }
        else
        {
            Snackbar.Add(result.Problem?.Message ?? "The member could not be added.", Severity.Error);
        }
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

    private async Task RevokeAsync(InviteRecord invite)
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
