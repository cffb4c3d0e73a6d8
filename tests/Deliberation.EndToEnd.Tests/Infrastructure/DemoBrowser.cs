using Deliberation.Domain;
using Deliberation.Testing;
using Microsoft.Playwright;

namespace Deliberation.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real server as a process with the demo seeded (its history has revisions, a substantive one
/// among them, and positions given before and after it), and headless chromium. People sign in with
/// the demo's invite links, as its participants would.
/// </summary>
public sealed class DemoBrowser : IAsyncLifetime
{
    private readonly TempFolder folder = new("deliberation-e2e-demo");
    private IPlaywright? playwright;
    private IReadOnlyList<string[]> invites = [];
    private readonly Dictionary<Role, int> opened = [];

    public DemoBrowser() => Server = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: true);

    public ServerProcess Server { get; }

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        var file = Path.Combine(folder.Path, "data", "demo-invites.txt");
        await Eventually.Async(() => File.Exists(file), TimeSpan.FromSeconds(60), () => $"No {file}:\n{Server.Output}", TimeSpan.FromMilliseconds(100));
        invites = [.. File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => l.Split('\t'))];
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        playwright?.Dispose();
        Server.Dispose();
        folder.Dispose();
    }

    /// <summary>
    /// A browser context signed in as a demo member of the role, on the dialogue's room page. Each call
    /// takes the role's next member: an invite opens on few browsers (the dialogue setting InviteRedemptions, 2 in the demo), and
    /// the tests sharing this server must not use up one person's.
    /// </summary>
    public async Task<IPage> OpenAsync(Role role, int width = 1440, int height = 900)
    {
        var members = invites.Where(f => f[0] == role.ToString()).ToList();
        var index = opened.GetValueOrDefault(role);
        opened[role] = index + 1;
        var link = members[index % members.Count][3];
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = Server.BaseAddress.ToString(),
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Server.BaseAddress, $"invite/{link[(link.LastIndexOf('/') + 1)..]}").ToString());
        // Generous waits: five test runs may share two cores, and the app boots after the join.
        await page.GetByTestId("invite-join").ClickAsync(new() { Timeout = 90_000 });
        await page.WaitForURLAsync("**/dialogues/*", new() { Timeout = 90_000 });
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = 90_000 });
        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoBrowserCollection : ICollectionFixture<DemoBrowser>
{
    public const string Name = "Demo browser";
}
