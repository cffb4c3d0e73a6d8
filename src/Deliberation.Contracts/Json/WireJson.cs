using System.Text.Json;
using Deliberation.Domain;

namespace Deliberation.Contracts.Json;

/// <summary>
/// The wire's JSON is the domain's (camelCase, enums as strings, <c>type</c> discriminators on
/// commands and events), for HTTP and the hub alike, on the server and in the browser.
/// </summary>
public static class WireJson
{
    /// <summary>Ready-made options, for code that serializes by hand (the browser's HTTP calls).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Makes options a framework created (ASP.NET's HTTP JSON, SignalR's payloads) read and write
    /// what <see cref="DomainJson.Options"/> do, keeping the framework's own settings otherwise.
    /// </summary>
    public static void ApplyTo(JsonSerializerOptions options)
    {
        var domain = DomainJson.Options;
        options.PropertyNamingPolicy = domain.PropertyNamingPolicy;
        options.PropertyNameCaseInsensitive = domain.PropertyNameCaseInsensitive;
        options.AllowOutOfOrderMetadataProperties = domain.AllowOutOfOrderMetadataProperties;
        options.TypeInfoResolverChain.Insert(0, domain.TypeInfoResolver!);
        foreach (var converter in domain.Converters)
            options.Converters.Add(converter);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApplyTo(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
