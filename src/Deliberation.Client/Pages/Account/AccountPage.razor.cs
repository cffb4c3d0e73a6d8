using Deliberation.Client.Api;
using Deliberation.Contracts.Http.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Deliberation.Client.Pages.Account;

/// <summary>The organiser's own account: her sessions (each one can be ended), passkeys, organiser invitations, sign-out.</summary>
public sealed partial class AccountPage
{
    private AccountStatus? status;
    private List<AccountSessionView> sessions = [];
    private OrganiserInvitation? invitation;
    private ApiProblem? problem;
    private string? notice;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Api.AccountStatusAsync();
        status = result.Value;
        problem = result.Problem;
        if (status?.SignedIn == true)
        {
            var list = await Api.AccountSessionsAsync();
            sessions = list.Value ?? [];
            problem = list.Problem;
        }
    }

    private async Task EndAsync(Guid sessionId)
    {
        problem = await Api.EndAccountSessionAsync(sessionId);
        await LoadAsync();
    }

    private async Task InviteAsync()
    {
        var result = await Api.InviteOrganiserAsync();
        invitation = result.Value;
        problem = result.Problem;
    }

    private async Task SignOutAsync()
    {
        problem = await Api.SignOutAsync();
        if (problem is null)
            Navigation.NavigateTo("/account/sign-in");
    }

    private async Task AddPasskeyAsync()
    {
        notice = null;
        var options = await Api.PasskeyOptionsAsync(forCreation: true);
        if (options.Value is null)
        {
            problem = options.Problem;
            return;
        }
        try
        {
            var credential = await Js.InvokeAsync<string>("deliberationPasskeys.create", options.Value);
            problem = await Api.AddPasskeyAsync(credential);
            if (problem is null)
                notice = L["PasskeyAdded"];
        }
        catch (JSException)
        {
            notice = L["NoPasskeyMade"];
        }
    }

    /// <summary>How a session began, in the reader's words; a method the server adds later shows as it is named.</summary>
    private string MethodWord(string method) =>
        L["Method_" + method] is { ResourceNotFound: false } found ? found.Value : method;

}
