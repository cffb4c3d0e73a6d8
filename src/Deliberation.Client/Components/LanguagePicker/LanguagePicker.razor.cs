using System.Globalization;
using Deliberation.Client.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Deliberation.Client.Components;

/// <summary>
/// The interface language in the app bar. Choosing one stores it on this browser and reloads the page:
/// the satellite resources of a culture load only when the app starts (CultureStartup).
/// </summary>
public sealed partial class LanguagePicker
{
    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private static string Current => UiCulture.Supported(CultureInfo.CurrentUICulture.Name) ?? UiCulture.English;

    private async Task ChooseAsync(ChangeEventArgs e)
    {
        if (UiCulture.Supported(e.Value?.ToString()) is not { } chosen || chosen == Current)
            return;
        await Js.InvokeVoidAsync("deliberationCulture.store", chosen);
        Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
    }
}
