using Deliberation.Client.Api;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Deliberation.Client.Localization;

public static class CultureStartup
{
    /// <summary>
    /// Sets the person's culture before the host runs: the host loads the satellite resource assemblies
    /// of the culture current when it starts, and a culture changed later would find no Chinese texts.
    /// So a change of language stores the choice and reloads the page (LanguagePicker). A signed-in
    /// organiser's account choice wins and is kept on this browser too, so it stays after she signs out.
    /// </summary>
    public static async Task UsePersonsCultureAsync(this WebAssemblyHost host)
    {
        var js = host.Services.GetRequiredService<IJSRuntime>();
        var stored = await js.InvokeAsync<string?>("deliberationCulture.stored");
        var browser = await js.InvokeAsync<string?>("deliberationBrowser.language");
        var account = await AccountChoiceAsync(host.Services);
        var culture = UiCulture.Choose(account, stored, browser);
        if (UiCulture.Supported(account) is { } fromAccount && fromAccount != stored)
            await js.InvokeVoidAsync("deliberationCulture.store", fromAccount);
        UiCulture.Apply(culture);
        // The page's lang follows the interface, so a screen reader speaks Chinese as Chinese.
        await js.InvokeVoidAsync("deliberationCulture.setDocumentLanguage", culture.Name);
    }

    /// <summary>The account's stored language, or null when no account is signed in, it chose none, or the server is out of reach.</summary>
    private static async Task<string?> AccountChoiceAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var status = await scope.ServiceProvider.GetRequiredService<DeliberationApi>().AccountStatusAsync();
        var signedIn = status.Value is { SignedIn: true };
        services.GetRequiredService<AccountLanguage>().SignedIn = signedIn;
        return signedIn ? status.Value!.Culture : null;
    }
}
