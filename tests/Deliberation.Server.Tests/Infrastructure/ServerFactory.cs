using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>
/// The server in this process, on a SQLite file of its own and an Orleans silo on free loopback
/// ports. The demo seed is off: tests build the dialogues they need. Rate limits are raised so
/// the suite's many requests from one test "caller" are not throttled.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder folder = new("deliberation-server-tests");

    public ServerFactory()
    {
        DatabasePath = folder.File("deliberation.db");
        SiloPort = FreePorts.Next();
        GatewayPort = FreePorts.Next();
    }

    public string DatabasePath { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>A client that keeps the cookie it is given, as a browser would.</summary>
    public ApiClient NewClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));

    /// <summary>A fresh client signed in to the organiser account (<see cref="TestOrganiser"/>), which may create dialogues.</summary>
    public Task<ApiClient> NewOrganiserClientAsync() => NewClient().SignInAsOrganiserAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches the configuration Program reads before Build (storage, silo ports).
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Deliberation", $"Data Source={DatabasePath}");
        builder.UseSetting("Orleans:Clustering", "Localhost");
        builder.UseSetting("Orleans:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Accounts:SetupCode", TestOrganiser.SetupCode);
        builder.UseSetting("RateLimits:RequestsPerMinute", "1000000");
        builder.UseSetting("RateLimits:ImportsPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Orleans", "Error");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            folder.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        folder.Dispose();
    }
}

/// <summary>One in-process server shared by every test of the "Server" collection.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServerFactory Server { get; } = new();

    public Task InitializeAsync()
    {
        // Starts the host (and its silo) once, up front, rather than inside the first test.
        _ = Server.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "Server";
}
