using Deliberation.Client.Api;
using Deliberation.Client.Localization;

using Deliberation.Contracts.Http.Accounts;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Pages.Account;

/// <summary>First run: the setup code the server printed creates the first organiser account.</summary>
public sealed partial class FirstAccountPage
{
    /// <summary>Where the demo writes the setup code: a path, the same in every language.</summary>
    private const string SetupCodeFile = "data/setup-code.txt";

    private string? error;

    private bool busy;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "code")]
    public string? Code { get; set; }

    private async Task CreateAsync(AccountForm.Filled form)
    {
        busy = true;
        error = null;
        var result = await Api.SetUpFirstAccountAsync(new SetUpFirstAccountRequest(form.Code, form.Email, form.DisplayName, form.Password));
        busy = false;
        if (result.Ok)
            Navigation.NavigateTo("/account");
        else
            error = result.Problem!.Localized();
    }
}
