using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;
using Deliberation.Testing;
using Microsoft.Playwright;

namespace Deliberation.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real server as a process and Debian's headless chromium driven by Playwright. A dialogue is
/// set up over HTTP; each person then signs in through her invite link in a browser context of her own.
/// </summary>
public sealed class BrowserRoom : IAsyncLifetime
{
    private readonly TempFolder folder = new("deliberation-e2e");
    private IPlaywright? playwright;

    public BrowserRoom() => Server = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: false);

    public ServerProcess Server { get; }

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
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

    /// <summary>A dialogue in Drafting with one clause; returns its ids and each person's invite code.</summary>
    public Task<SetUpDialogue> SetUpAsync(params (string Name, Role Role, string? Region)[] people) => SetUpAsync(1, people);

    /// <summary>The same with k = <paramref name="minimumGroupSize"/>: with k = 1 every change is released at once.</summary>
    public Task<SetUpDialogue> SetUpAsync(int minimumGroupSize, params (string Name, Role Role, string? Region)[] people) =>
        SetUpAsync(minimumGroupSize, null, null, people);

    /// <summary>
    /// The same in English and Chinese, both authentic, k = 1: the clause translated, on the floor,
    /// and the glossary pinning "AI system" = 人工智能系统.
    /// </summary>
    public Task<SetUpDialogue> SetUpBilingualAsync(params (string Name, Role Role, string? Region)[] people) =>
        SetUpAsync(1, ["en", Chinese], async (convener, d) =>
        {
            await Expect.AcceptedAsync(await convener.CommandAsync(d.DialogueId, d.StatementId, new TranslateClause(d.ClauseId, Chinese, 1, ChineseClause)));
            var term = new GlossaryTerm(Guid.NewGuid(), System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("en", "AI system").Add(Chinese, "人工智能系统"), "Agreed in Beijing.");
            await Expect.AcceptedAsync(await convener.CommandAsync(d.DialogueId, new PinGlossaryTerm(term)));
            await Expect.AcceptedAsync(await convener.CommandAsync(d.DialogueId, new SetFocus(d.StatementId, d.ClauseId)));
        }, people);

    public const string Chinese = "zh-Hans";
    public const string EnglishClause = "No AI system should copy or improve itself without human approval.";
    public const string ChineseClause = "任何人工智能系统都不应在未经人类批准的情况下复制或改进自身。";

    private async Task<SetUpDialogue> SetUpAsync(int minimumGroupSize, string[]? languages, Func<ApiClient, SetUpDialogue, Task>? then,
        (string Name, Role Role, string? Region)[] people)
    {
        using var convener = await Server.NewOrganiserClientAsync();
        var created = await convener.PostOkAsync("/api/dialogues", new
        {
            title = "Dialogue on AI safety (browser test)",
            confidentiality = ConfidentialityMode.ChathamHouse,
            minimumGroupSize,
            dimensions = new[] { new Dimension("Region", ["North", "South"]) },
            convenerName = "Ada Convener",
            languages = languages ?? ["en"],
            authenticity = languages is null ? Authenticity.SourceAuthoritative : Authenticity.EquallyAuthentic,
        });
        var dialogueId = created["id"]!.GetValue<Guid>();
        var codes = new Dictionary<string, string>();
        foreach (var (name, role, region) in people)
        {
            var invite = await convener.PostOkAsync($"/api/dialogues/{dialogueId}/members", new
            {
                displayName = name, role,
                groups = region is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Region"] = region },
            });
            codes[name] = invite["code"]!.GetValue<string>();
        }
        var statementId = (await convener.PostOkAsync($"/api/dialogues/{dialogueId}/statements", new { title = "Joint statement" }))["id"]!.GetValue<Guid>();
        var clauseId = Guid.NewGuid();
        await Expect.AcceptedAsync(await convener.CommandAsync(dialogueId, statementId,
            new ProposeClause(clauseId, ClauseKind.RedLine, EnglishClause)));
        await Expect.AcceptedAsync(await convener.CommandAsync(dialogueId, new SetPhase(Phase.Deliberation)));
        await Expect.AcceptedAsync(await convener.CommandAsync(dialogueId, new SetPhase(Phase.Drafting)));
        var dialogue = new SetUpDialogue(dialogueId, statementId, clauseId, codes);
        if (then is not null)
            await then(convener, dialogue);
        return dialogue;
    }

    /// <summary>A browser context signed in as one person, on the dialogue's room page.</summary>
    public async Task<IPage> OpenAsync(SetUpDialogue dialogue, string person, int width = 1440)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Server.BaseAddress, $"invite/{dialogue.Codes[person]}").ToString());
        // The link only shows the invitation: she joins by pressing its button (docs/security.md).
        await page.GetByTestId("invite-join").ClickAsync();
        await page.WaitForURLAsync($"**/dialogues/{dialogue.DialogueId}");
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = 60_000 });
        return page;
    }
}

public sealed record SetUpDialogue(Guid DialogueId, Guid StatementId, Guid ClauseId, IReadOnlyDictionary<string, string> Codes);

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserRoom>
{
    public const string Name = "Browser";
}
