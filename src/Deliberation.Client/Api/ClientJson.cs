using System.Text.Json;
using Deliberation.Domain;

namespace Deliberation.Client.Api;

/// <summary>JSON as the domain writes it (camelCase, enums as strings, <c>type</c> discriminators), for HTTP and the hub alike.</summary>
public static class ClientJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Makes <paramref name="options"/> read and write what the domain's options do (the server does the same).</summary>
    public static void CopyDomainJson(JsonSerializerOptions options)
    {
        var domain = DomainJson.Options;
        options.PropertyNamingPolicy = domain.PropertyNamingPolicy;
        options.PropertyNameCaseInsensitive = true;
        options.TypeInfoResolverChain.Insert(0, domain.TypeInfoResolver!);
        foreach (var converter in domain.Converters)
            options.Converters.Add(converter);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        CopyDomainJson(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
