using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Deliberation.Server.Protection;

/// <summary>
/// Behind a reverse proxy that ends TLS: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR), loopback by default. Then the request is HTTPS as
/// the browser sent it — the cookie is <c>Secure</c> and the same-origin check compares https — and
/// the limits per address count the client's address, not the proxy's (docs/operations.md).
/// </summary>
public static class ProxySettings
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in List(configuration, "ForwardedHeaders:KnownProxies"))
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in List(configuration, "ForwardedHeaders:KnownNetworks"))
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        options.ForwardLimit = configuration.GetValue("ForwardedHeaders:ForwardLimit", 1);
    }

    /// <summary>An array in JSON, or one comma-separated value in an environment variable.</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Get<string[]>() ?? [];
        if (values.Length == 0 && section.Value is { Length: > 0 } single)
            values = single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return values;
    }
}
