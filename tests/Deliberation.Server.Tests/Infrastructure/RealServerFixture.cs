namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>
/// One real server process with the demo seeded, shared by the tests that need Kestrel and the
/// hosted seeder as they run in production. Its working folder is a temp folder, so the demo's
/// data/demo-invites.txt is written there.
/// </summary>
public sealed class RealServerFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new("deliberation-real-server");

    public RealServerFixture() => Server = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: true);

    public ServerProcess Server { get; }

    public string InvitesFile => Path.Combine(folder.Path, "data", "demo-invites.txt");

    public Task InitializeAsync() => Server.StartAsync();

    public Task DisposeAsync()
    {
        Server.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RealServerCollection : ICollectionFixture<RealServerFixture>
{
    public const string Name = "Real server";
}
