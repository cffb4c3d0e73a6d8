namespace Deliberation.Proxy;

/// <summary>
/// What the proxy reads from configuration (appsettings, environment <c>Proxy__Nodes__0</c>, or
/// the command line <c>--Proxy:Nodes:0=http://node1:8080</c>).
/// </summary>
public sealed record ProxySettings
{
    /// <summary>The nodes' base addresses. <c>Proxy:Nodes</c> may also be one comma-separated value.</summary>
    public required IReadOnlyList<Uri> Nodes { get; init; }

    /// <summary>How often each node's <c>/health</c> is asked. Short, so a dead node is out within seconds.</summary>
    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A node that has not answered its health check within this counts as failed.</summary>
    public TimeSpan HealthCheckTimeout { get; init; } = TimeSpan.FromSeconds(1);

    public static ProxySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Proxy");
        var nodes = section.GetSection("Nodes").GetChildren().Select(c => c.Value).ToList();
        if (nodes.Count == 0 && section["Nodes"] is { Length: > 0 } joined)
            nodes = [.. joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        if (nodes.Count == 0)
            throw new InvalidOperationException("Proxy:Nodes is empty: name the nodes, e.g. --Proxy:Nodes:0=http://127.0.0.1:8080.");
        return new ProxySettings
        {
            Nodes = [.. nodes.Select(n => new Uri(n!, UriKind.Absolute))],
            HealthCheckInterval = section.GetValue(nameof(HealthCheckInterval), TimeSpan.FromSeconds(2)),
            HealthCheckTimeout = section.GetValue(nameof(HealthCheckTimeout), TimeSpan.FromSeconds(1)),
        };
    }
}
