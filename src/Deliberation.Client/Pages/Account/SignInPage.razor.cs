using Deliberation.Client.Api;
using Deliberation.Client.Localization;
using Deliberation.Contracts.Http.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Deliberation.Client.Pages.Account;

/// <summary>Password or passkey sign-in to an organiser account; back to <c>returnUrl</c> (a local path) afterwards.</summary>
public sealed partial class SignInPage
{
    private string email = "";
    private string password = "";
    private string? error;
    private bool busy;
    private bool setupNeeded;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var status = await Api.AccountStatusAsync();
        setupNeeded = status.Value?.SetupNeeded == true;
        if (status.Value?.SignedIn == true)
            GoOn();
    }

    private async Task SignInAsync()
    {
        busy = true;
        error = null;
        var result = await Api.SignInAsync(new PasswordSignInRequest(email.Trim(), password));
        busy = false;
        if (result.Ok)
            GoOn();
        else
            error = result.Problem!.Localized();
    }

    private async Task PasskeyAsync()
    {
        busy = true;
        error = null;
        try
        {
            var options = await Api.PasskeyOptionsAsync(forCreation: false);
            if (options.Value is null)
            {
                error = options.Problem!.Localized();
                return;
            }
            var credential = await Js.InvokeAsync<string>("deliberationPasskeys.get", options.Value);
            var result = await Api.PasskeySignInAsync(credential);
            if (result.Ok)
                GoOn();
            else
                error = result.Problem!.Localized();
        }
        catch (JSException)
        {
            error = L["PasskeyNotUsed"];

        }
        finally
        {
            busy = false;
        }
    }

    // Only a path on this site: a returnUrl to another site would make this page an open redirect.
    // Reloaded, so the app starts again in the language kept on her account (CultureStartup).
    private void GoOn() => Navigation.NavigateTo(LocalPath(ReturnUrl) ?? "/account", forceLoad: true);

    internal static string? LocalPath(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : null;
}
