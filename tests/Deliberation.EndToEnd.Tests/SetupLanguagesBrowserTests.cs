using Deliberation.Domain;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// The setup page of a bilingual dialogue (issue 13): the facilitator pins a glossary term and sees
/// it highlighted in the room's clause text; once a clause is translated, swapping the working
/// languages is refused beside the settings form; and the whole page reads in Chinese. Axe clean.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SetupLanguagesBrowserTests(BrowserRoom room)
{
    private const string Facilitator = "Fran Facilitator";

    private static readonly (string, Role, string?)[] People =
    [
        (Facilitator, Role.Facilitator, null),
        ("Dana North", Role.Delegate, "North"),
    ];

    private async Task<IPage> SetupPageAsync(SetUpDialogue dialogue)
    {
        var page = await room.OpenAsync(dialogue, Facilitator);
        await page.GotoAsync(new Uri(room.Server.BaseAddress, $"dialogues/{dialogue.DialogueId}/setup").ToString());
        await Expect(page.GetByTestId("glossary-panel")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        return page;
    }

    [Fact]
    public async Task TheFacilitatorPinsATermAndTheRoomHighlightsIt()
    {
        var dialogue = await room.SetUpBilingualAsync(People);
        var page = await SetupPageAsync(dialogue);
        await Expect(page.GetByTestId("glossary-terms")).ToContainTextAsync("人工智能系统");

        // One language only is refused with a reason, and nothing is pinned.
        await page.GetByTestId("glossary-rendering-en").FillAsync("human approval");
        await page.GetByTestId("glossary-pin").ClickAsync();
        await Expect(page.GetByTestId("glossary-error")).ToHaveTextAsync("Give the term's agreed rendering in at least two working languages.");

        await page.GetByTestId($"glossary-rendering-{BrowserRoom.Chinese}").FillAsync("人类批准");
        await page.GetByTestId("glossary-note").FillAsync("Approval by people, not by another system.");
        await page.GetByTestId("glossary-pin").ClickAsync();

        await Expect(page.GetByTestId("glossary-terms").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("glossary-terms")).ToContainTextAsync("Approval by people, not by another system.");
        await Expect(page.GetByTestId("glossary-error")).ToHaveCountAsync(0);
        await Axe.AssertNoWcagViolationsAsync(page, "setup page with the glossary");
        await ScreenshotOfAsync(page, "glossary-panel", "glossary-editor.png");

        // The room reads the pinned term highlighted, in the English and in the Chinese.
        await page.GetByTestId("open-room").ClickAsync();
        var clause = page.GetByTestId("selected-clause");
        await Expect(clause.Locator("mark.glossary-term", new() { HasText = "human approval" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(clause.Locator("mark.glossary-term", new() { HasText = "人类批准" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnceTranslatedSwappingTheLanguagesIsRefusedBesideTheSettings()
    {
        var dialogue = await room.SetUpBilingualAsync(People);
        var page = await SetupPageAsync(dialogue);

        await page.GetByTestId("settings-languages").FillAsync($"{BrowserRoom.Chinese}, en");
        await page.GetByTestId("settings-save").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();

        await Expect(page.GetByTestId("settings-refusal")).ToContainTextAsync("add a language after them", new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await Expect(page.GetByTestId("settings-languages")).ToHaveValueAsync($"en, {BrowserRoom.Chinese}", new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task TheSetupPageReadsInChinese()
    {
        var dialogue = await room.SetUpBilingualAsync(People);
        var page = await SetupPageAsync(dialogue);

        await page.GetByTestId("interface-language").SelectOptionAsync("zh-Hans");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans", new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "名单" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "术语表" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "共识规则" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("settings-authenticity-help")).ToContainTextAsync("作准文本");
        await Expect(page.GetByTestId("setup-summary")).ToContainTextAsync("阶段：");
        await Expect(page.GetByTestId("open-room")).ToHaveTextAsync("进入会议室");
        await Expect(page.GetByText("Roster", new() { Exact = true })).ToHaveCountAsync(0);

        await Axe.AssertNoWcagViolationsAsync(page, "setup page in Chinese");
        await Screenshots.TakeAsync(page, "setup-chinese.png");
    }

    /// <summary>
    /// One panel, cut from the whole page taken from its top: scrolled to, the panel would sit under
    /// the app bar, which stays fixed at the top of the window and would hide its heading.
    /// </summary>
    private static async Task ScreenshotOfAsync(IPage page, string testId, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var box = await page.GetByTestId(testId).EvaluateAsync<double[]>(
            "e => { const r = e.getBoundingClientRect(); return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; }");
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name),
            FullPage = true,
            Clip = new Clip { X = (float)box[0], Y = (float)box[1], Width = (float)box[2], Height = (float)box[3] },
        });
    }
}
