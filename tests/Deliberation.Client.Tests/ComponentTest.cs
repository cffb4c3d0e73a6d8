using Deliberation.Client.Api;
using Deliberation.Client.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Deliberation.Client.Tests;

/// <summary>A bUnit context with what the components need: MudBlazor's services, the interface texts and a JS runtime that answers anything.</summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        Services.AddMudServices();
        Services.AddDeliberationLocalization();
        // The app bar's language picker keeps a signed-in organiser's choice through the API; no
        // server answers here, and a test that talks to one registers its own API client after this.
        Services.AddScoped(_ => new DeliberationApi(new HttpClient { BaseAddress = new Uri("http://localhost/") }));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // Some MudBlazor services (the chips' key interceptor) can only be disposed asynchronously;
    // xunit 2 disposes a test class synchronously unless it asks for this.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
