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
/// Docker does not run on our machines, so the compose file is checked here: it parses, and the
/// environment it gives each node configures the server for SQL Server and Redis clustering.
/// </summary>
public sealed partial class DockerComposeConfigurationTests
{
    [Fact]
    public void ComposeRunsSqlServerRedisAndTwoServerNodesWithHealthChecks()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var names = services.Children.Keys.Select(k => k.ToString()).ToArray();
        Assert.Equal(["sqlserver", "redis", "node1", "node2"], names);
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

    /// <summary>A node's environment as configuration: merge keys resolved, ${VAR:-default} taken at its default.</summary>
    private static IConfiguration NodeConfiguration(string node)
    {
        var environment = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Compose()["services"])[node])["environment"];
        var values = environment.Children.ToDictionary(
            e => e.Key.ToString().Replace("__", ":", StringComparison.Ordinal),
            e => (string?)DefaultValue().Replace(e.Value.ToString(), m => m.Groups[1].Value));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static YamlMappingNode Compose()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), "docker-compose.yml"));
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
