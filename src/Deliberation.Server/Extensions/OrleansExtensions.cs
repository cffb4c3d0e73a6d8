using Orleans.Serialization;
using Deliberation.Grains;

namespace Deliberation.Server.Extensions;

public static class OrleansExtensions
{
    /// <summary>
    /// Hosts one Orleans silo in this process. <c>Orleans:Clustering</c> = <c>Localhost</c> (default)
    /// runs alone; <c>Redis</c> joins the nodes listed in Redis (<c>ConnectionStrings:Redis</c>).
    /// </summary>
    public static void AddDeliberationOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var clustering = configuration["Orleans:Clustering"] ?? "Localhost";
        // Orleans reads its own "Orleans" section and takes Orleans:Clustering for a provider section;
        // name its provider explicitly so our scalar key (docs/operations.md) does not confuse it.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Clustering:ProviderType"] = clustering.Equals("Redis", StringComparison.OrdinalIgnoreCase) ? "Redis" : "Development",
        });
        builder.UseOrleans(silo =>
        {
            silo.Services.AddSerializer(serializer => serializer.AddDomainJson());
            // A dead node must be declared dead quickly: until it is, calls to the grains it held
            // wait and fail, and nobody's action on those dialogues is accepted (issue 10: 19 s after
            // a SIGKILL with Orleans' defaults of a 5 s probe and 3 missed probes). Probing every
            // second and suspecting after two misses declares it in about 2–3 s; the price is a
            // node declared dead after a pause of that length (a long GC, a stalled VM), which then
            // restarts and rejoins (docs/operations.md, "Cluster membership").
            silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = configuration.GetValue("Orleans:ProbeTimeout", TimeSpan.FromSeconds(1));
                options.NumMissedProbesLimit = configuration.GetValue("Orleans:MissedProbesLimit", 2);
            });
            switch (clustering.ToLowerInvariant())
            {
                case "localhost":
                    // A second node on this machine joins the first by naming its silo port (tests, demos).
                    var primary = configuration.GetValue<int?>("Orleans:PrimarySiloPort");
                    silo.UseLocalhostClustering(
                        siloPort: configuration.GetValue("Orleans:SiloPort", 11111),
                        gatewayPort: configuration.GetValue("Orleans:GatewayPort", 30000),
                        primarySiloEndpoint: primary is { } port ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port) : null);
                    break;
                case "redis":
                    var redis = configuration.GetConnectionString("Redis")
                        ?? throw new InvalidOperationException("Orleans:Clustering is Redis but ConnectionStrings:Redis is not set.");
                    silo.UseRedisClustering(options => options.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis));
                    silo.Configure<Orleans.Configuration.ClusterOptions>(options =>
                    {
                        options.ClusterId = configuration["Orleans:ClusterId"] ?? "deliberation";
                        options.ServiceId = configuration["Orleans:ServiceId"] ?? "deliberation";
                    });
                    silo.ConfigureEndpoints(
                        siloPort: configuration.GetValue("Orleans:SiloPort", 11111),
                        gatewayPort: configuration.GetValue("Orleans:GatewayPort", 30000),
                        listenOnAnyHostAddress: configuration.GetValue("Orleans:ListenOnAnyHostAddress", false));
                    break;
                default:
                    throw new InvalidOperationException($"Orleans:Clustering '{clustering}' is not known; use Localhost or Redis.");
            }
        });
    }
}
