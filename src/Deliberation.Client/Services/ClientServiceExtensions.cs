using Deliberation.Client.Api;
using Deliberation.Client.Localization;
using Deliberation.Client.Room;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Deliberation.Client.Services;

public static class ClientServiceExtensions
{
    /// <summary>The HTTP API client (same origin, so the invite cookie travels), MudBlazor, the interface texts and the room sessions.</summary>
    public static IServiceCollection AddDeliberationClient(this IServiceCollection services, string baseAddress)
    {
        var origin = new Uri(baseAddress);
        services.AddScoped(_ => new HttpClient { BaseAddress = origin });
        services.AddScoped<DeliberationApi>();
        services.AddScoped(sp => new RoomSessionFactory(sp, origin));
        services.AddSingleton(TimeProvider.System);
        services.AddMudServices();
        services.AddDeliberationLocalization();
        return services;
    }
}
