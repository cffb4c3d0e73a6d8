using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Deliberation.Client.Tests;

/// <summary>A bUnit context with what the components need: MudBlazor's services and a JS runtime that answers anything.</summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
