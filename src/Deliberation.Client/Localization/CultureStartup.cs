using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Deliberation.Client.Localization;

public static class CultureStartup
{
    /// <summary>
    /// Sets the person's culture before the host runs: the host loads the satellite resource assemblies
    /// of the culture current when it starts, and a culture changed later would find no Chinese texts.
    /// So a change of language stores the choice and reloads the page (LanguagePicker).
    /// </summary>
    public static async Task UsePersonsCultureAsync(this WebAssemblyHost host)
    {
        var js = host.Services.GetRequiredService<IJSRuntime>();
        var stored = await js.InvokeAsync<string?>("deliberationCulture.stored");
        var browser = await js.InvokeAsync<string?>("deliberationBrowser.language");
        var culture = UiCulture.Choose(stored, browser);
        UiCulture.Apply(culture);
        // The page's lang follows the interface, so a screen reader speaks Chinese as Chinese.
        await js.InvokeVoidAsync("deliberationCulture.setDocumentLanguage", culture.Name);
    }
}
