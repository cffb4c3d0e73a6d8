using Deliberation.Client.Api;
using Deliberation.Client.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Deliberation.Client.Components;

/// <summary>
/// The interface language in the app bar. Choosing one stores it on this browser, and on her organiser
/// account when she is signed in to one (so another browser opens in it), then reloads the page: the
/// satellite resources of a culture load only when the app starts (CultureStartup).
/// </summary>
public sealed partial class LanguagePicker
{
    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private AccountLanguage Account { get; set; } = null!;

    private static string Current => UiCulture.Current;

    private async Task ChooseAsync(ChangeEventArgs e)
    {
        if (UiCulture.Supported(e.Value?.ToString()) is not { } chosen || chosen == Current)
            return;
        await Js.InvokeVoidAsync("deliberationCulture.store", chosen);
        // A failure here costs only the other browsers: this one keeps the choice it stored above.
        if (Account.SignedIn)
            await Api.SetAccountCultureAsync(chosen);
        Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
    }
}
