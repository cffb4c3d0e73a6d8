using System.Text.Json;
using Deliberation.Domain;
using Deliberation.Server.Services;

namespace Deliberation.Server.Extensions;

public static class ServiceExtensions
{
    /// <summary>The thin services between the endpoints and the grains; JSON as the domain writes it.</summary>
    public static void AddDeliberationServices(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => CopyDomainJson(options.SerializerOptions));
        builder.Services.AddSingleton<DialogueService>();
        builder.Services.AddSingleton<InviteService>();
        builder.Services.AddSingleton<DialogueHistory>();
        builder.Services.AddSingleton<Polis.PolisImporter>();
        builder.Services.AddSingleton<Polis.PolisExporter>();
    }

    public static void CopyDomainJson(JsonSerializerOptions options)
    {
        var domain = DomainJson.Options;
        options.PropertyNamingPolicy = domain.PropertyNamingPolicy;
        options.TypeInfoResolverChain.Insert(0, domain.TypeInfoResolver!);
        foreach (var converter in domain.Converters)
            options.Converters.Add(converter);
    }
}
