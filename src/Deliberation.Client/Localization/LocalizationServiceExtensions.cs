using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Deliberation.Client.Localization;

public static class LocalizationServiceExtensions
{
    /// <summary>Our resx texts behind IStringLocalizer, and MudBlazor's own texts (close buttons, pagers) through them too.</summary>
    public static IServiceCollection AddDeliberationLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudLocalizer, ResxMudLocalizer>();
        services.AddSingleton<AccountLanguage>();
        return services;
    }
}
