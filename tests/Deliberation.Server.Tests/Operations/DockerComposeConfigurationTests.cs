using System.Text.RegularExpressions;
using Deliberation.Persistence;
using Deliberation.Server.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Deliberation.Server.Tests.Operations;

/// <summary>
/// Docker does not run on our machines, so the compose files are checked here: they parse, the
/// environment they give each node configures the server for SQL Server (or, in the PostgreSQL
/// variant, PostgreSQL) and Redis clustering, and the proxy is the one address in front.
/// </summary>
public sealed partial class DockerComposeConfigurationTests
{
    [Fact]
    public void ComposeRunsSqlServerRedisTwoServerNodesAndTheProxyWithHealthChecks()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var names = services.Children.Keys.Select(k => k.ToString()).ToArray();
        Assert.Equal(["sqlserver", "redis", "node1", "node2", "proxy"], names);
        foreach (var name in names)
            Assert.True(((YamlMappingNode)services[name]).Children.ContainsKey("healthcheck"), $"{name} has no health check");
    }

    [Theory]
    [InlineData("node1")]
    [InlineData("node2")]
    public void EachNodeUsesSqlServerForStorage(string node)
    {
        var configuration = NodeConfiguration(node);
        var services = new ServiceCollection();
        services.AddDeliberationPersistence(configuration);
        using var provider = services.BuildServiceProvider();
        using var db = provider.GetRequiredService<IDbContextFactory<DeliberationDbContext>>().CreateDbContext();

        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
        Assert.Contains("Data Source=sqlserver;Initial Catalog=Deliberation", db.Database.GetConnectionString()); // normalised by SqlClient
    }

    [Theory]
    [InlineData("node1")]
    [InlineData("node2")]
    public void EachNodeJoinsOneOrleansClusterThroughRedis(string node)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddConfiguration(NodeConfiguration(node));
        builder.AddDeliberationOrleans();
        using var app = builder.Build(); // built, not started: nothing connects

        var redis = app.Services.GetRequiredService<IOptions<Orleans.Clustering.Redis.RedisClusteringOptions>>().Value;
        Assert.Equal("redis:6379", redis.ConfigurationOptions!.EndPoints.Single().ToString()?.Replace("Unspecified/", ""));
        var cluster = app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal("deliberation", cluster.ClusterId);
        Assert.Contains(app.Services.GetServices<Orleans.IMembershipTable>(), t => t.GetType().Name.Contains("Redis", StringComparison.Ordinal));
    }

    [Fact]
    public void BothNodesShareTheKeysThatProtectSignInCookies()
    {
        Assert.Equal("/keys", NodeConfiguration("node1")["DataProtection:KeysPath"]);
        Assert.Equal(NodeConfiguration("node1")["DataProtection:KeysPath"], NodeConfiguration("node2")["DataProtection:KeysPath"]);
        var services = (YamlMappingNode)Compose()["services"];
        foreach (var node in new[] { "node1", "node2" })
            Assert.Contains("dataprotection-keys:/keys", ((YamlSequenceNode)((YamlMappingNode)services[node])["volumes"]).Select(v => v.ToString()));
    }

    [Fact]
    public void OnlyOneNodeSeedsTheDemo()
    {
        Assert.Equal("true", NodeConfiguration("node1")["Demo:Seed"]);
        Assert.Equal("false", NodeConfiguration("node2")["Demo:Seed"]);
    }

    [Fact]
    public void OnlyTheProxyPublishesAPort()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var published = services.Children.Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey("ports")).Select(s => s.Key.ToString());
        Assert.Equal(["proxy"], published);
        Assert.Equal(["8080:8080"], ((YamlSequenceNode)Service("proxy")["ports"]).Select(p => p.ToString()));
    }

    [Fact]
    public void TheProxySendsToBothNodesAndIsBuiltFromItsOwnStage()
    {
        var nodes = ServiceConfiguration(Compose(), "proxy")["Proxy:Nodes"]!.Split(',');
        Assert.Equal(["http://node1:8080", "http://node2:8080"], nodes);
        Assert.Equal("proxy", ((YamlMappingNode)Service("proxy")["build"])["target"].ToString());
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot(), "Dockerfile"));
        Assert.Contains(" AS proxy", dockerfile, StringComparison.Ordinal);
        Assert.Contains("Deliberation.Proxy.dll", dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node1")]
    [InlineData("node2")]
    public void EachNodeBelievesForwardedHeadersFromTheProxyAlone(string node)
    {
        var proxyAddress = ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Service("proxy")["networks"])["default"]))["ipv4_address"].ToString();
        Assert.Equal(proxyAddress, NodeConfiguration(node)["ForwardedHeaders:KnownProxies"]);
    }

    [Theory]
    [InlineData("node1")]
    [InlineData("node2")]
    public void InThePostgresVariantEachNodeUsesPostgreSqlAndStillRedis(string node)
    {
        var configuration = ServiceConfiguration(Compose(), node, PostgresVariant());
        var services = new ServiceCollection();
        services.AddDeliberationPersistence(configuration);
        using var provider = services.BuildServiceProvider();
        using var db = provider.GetRequiredService<IDbContextFactory<DeliberationDbContext>>().CreateDbContext();

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Contains("Host=postgres", db.Database.GetConnectionString());
        Assert.Equal("Redis", configuration["Orleans:Clustering"]);
        Assert.Equal("/keys", configuration["DataProtection:KeysPath"]);
    }

    [Fact]
    public void ThePostgresVariantWaitsForPostgreSqlAndLeavesSqlServerOut()
    {
        var variant = (YamlMappingNode)PostgresVariant()["services"];
        Assert.True(((YamlMappingNode)variant["postgres"]).Children.ContainsKey("healthcheck"), "postgres has no health check");
        Assert.Equal(["sqlserver"], ((YamlSequenceNode)((YamlMappingNode)variant["sqlserver"])["profiles"]).Select(p => p.ToString()));
        foreach (var node in new[] { "node1", "node2" })
        {
            var dependsOn = (YamlMappingNode)((YamlMappingNode)variant[node])["depends_on"];
            // !override replaces the base file's list, which names sqlserver; a merge would keep it.
            Assert.Equal("!override", dependsOn.Tag.Value);
            var names = dependsOn.Children.Keys.Select(k => k.ToString()).ToArray();
            Assert.Contains("postgres", names);
            Assert.DoesNotContain("sqlserver", names);
        }
    }

    /// <summary>A node's environment as configuration: merge keys resolved, ${VAR:-default} taken at its default.</summary>
    private static IConfiguration NodeConfiguration(string node) => ServiceConfiguration(Compose(), node);

    /// <summary>A service's environment, each later file's values over the earlier ones (as compose merges them).</summary>
    private static IConfiguration ServiceConfiguration(YamlMappingNode compose, string service, params YamlMappingNode[] overrides)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in overrides.Prepend(compose))
        {
            if (!((YamlMappingNode)file["services"]).Children.TryGetValue(service, out var definition)
                || !((YamlMappingNode)definition).Children.TryGetValue("environment", out var environment))
                continue;
            foreach (var e in ((YamlMappingNode)environment).Children)
                values[e.Key.ToString().Replace("__", ":", StringComparison.Ordinal)] = DefaultValue().Replace(e.Value.ToString(), m => m.Groups[1].Value);
        }
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)Compose()["services"])[name];

    private static YamlMappingNode PostgresVariant() => Load("docker-compose.postgres.yml");

    private static YamlMappingNode Compose() => Load("docker-compose.yml");

    private static YamlMappingNode Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), file));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Deliberation.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Deliberation.sln not found above the test's folder.");
    }

    [GeneratedRegex(@"\$\{[A-Z_]+:-([^}]*)\}")]
    private static partial Regex DefaultValue();
}
