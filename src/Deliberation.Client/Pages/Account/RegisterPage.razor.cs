using Deliberation.Client.Api;
using Deliberation.Client.Localization;

using Deliberation.Contracts.Http.Accounts;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Pages.Account;

/// <summary>An organiser invitation's link: creates the invitee's account with it (nothing happens without her click).</summary>
public sealed partial class RegisterPage
{
    private string? error;
    private bool busy;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Parameter, EditorRequired]
    public string Code { get; set; } = "";

    private async Task RegisterAsync(AccountForm.Filled form)
    {
        busy = true;
        error = null;
        var result = await Api.RegisterOrganiserAsync(new RegisterOrganiserRequest(form.Code, form.Email, form.DisplayName, form.Password));
        busy = false;
        if (result.Ok)
            Navigation.NavigateTo("/account");
        else
            error = result.Problem!.Localized();
    }
}
