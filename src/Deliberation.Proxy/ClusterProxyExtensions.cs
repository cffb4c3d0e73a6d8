using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace Deliberation.Proxy;

/// <summary>
/// The routes and clusters YARP forwards by, built from <see cref="ProxySettings"/>. Two clusters
/// over the same nodes: the hub's needs session affinity, the rest does not.
/// </summary>
public static class ClusterProxyExtensions
{
    public const string NodesCluster = "nodes";
    public const string HubCluster = "nodes-hub";

    /// <summary>The cookie that keeps a SignalR connection's requests on the node that negotiated it.</summary>
    public const string AffinityCookie = "deliberation-node";

    public static void AddClusterProxy(this WebApplicationBuilder builder)
    {
        var settings = ProxySettings.From(builder.Configuration);
        builder.Services.AddReverseProxy().LoadFromMemory(Routes(), Clusters(settings));
    }

    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        // SignalR: negotiate creates the connection on one node and the WebSocket (or a long-poll
        // or server-sent-events request) that follows must reach that same node, or it answers 404
        // "No Connection with that ID". Only a client that skips negotiation could do without.
        new RouteConfig { RouteId = "hub", ClusterId = HubCluster, Match = new RouteMatch { Path = "/hubs/{**rest}" } },
        // Everything else (API, invites, the app's files) is stateless per request: any node serves it.
        new RouteConfig { RouteId = "everything-else", ClusterId = NodesCluster, Match = new RouteMatch { Path = "{**rest}" } },
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(ProxySettings settings)
    {
        var destinations = settings.Nodes
            .Select((node, index) => (Name: $"node{index + 1}", Node: node))
            .ToDictionary(d => d.Name, d => new DestinationConfig { Address = d.Node.ToString() }, StringComparer.Ordinal);
        var health = new HealthCheckConfig
        {
            // Asked every few seconds: a node that stops answering leaves the rotation on its own.
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = settings.HealthCheckInterval,
                Timeout = settings.HealthCheckTimeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/health",
            },
            // A refused connection (a killed node) takes it out at once, before the next probe;
            // the active check brings it back when it answers again.
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = settings.HealthCheckInterval,
            },
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        };
        // One failed probe is enough: the default of two would double the time a dead node keeps receiving.
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" };
        return
        [
            new ClusterConfig
            {
                ClusterId = NodesCluster,
                LoadBalancingPolicy = "PowerOfTwoChoices",
                Destinations = destinations,
                HealthCheck = health,
                Metadata = metadata,
            },
            new ClusterConfig
            {
                ClusterId = HubCluster,
                // Connections are long-lived: take turns, so they spread evenly over the nodes
                // (and a node that dies takes only its share with it).
                LoadBalancingPolicy = "RoundRobin",
                Destinations = destinations,
                HealthCheck = health,
                Metadata = metadata,
                SessionAffinity = new SessionAffinityConfig
                {
                    Enabled = true,
                    Policy = "HashCookie",
                    // Its node gone, the connection's next negotiate goes to another healthy one.
                    FailurePolicy = "Redistribute",
                    AffinityKeyName = AffinityCookie,
                    Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true },
                },
            },
        ];
    }
}
