using Deliberation.Domain;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// The interface in Simplified Chinese (issue 13): a delegate whose browser reads English picks 中文
/// in the app bar; the page comes back in Chinese (the page's lang says so, for screen readers),
/// she reads the clause in Chinese with the English beside it, and the choice stays on reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InterfaceLanguageBrowserTests(BrowserRoom room)
{
    private static readonly (string, Role, string?)[] People =
    [
        ("Rhea Rapporteur", Role.Rapporteur, null),
        ("Dana North", Role.Delegate, "North"),
        ("Sam South", Role.Delegate, "South"),
    ];

    [Fact]
    public async Task ADelegateWhoPicksChineseSeesTheRoomInChineseTakesAPositionAndSeesTheStaleMarkInChinese()
    {
        var dialogue = await room.SetUpBilingualAsync(People);
        var north = await room.OpenAsync(dialogue, "Dana North");
        var rapporteur = await room.OpenAsync(dialogue, "Rhea Rapporteur");
        await Expect(north.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(north.GetByText("Your position")).ToBeVisibleAsync();

        await north.GetByTestId("interface-language").SelectOptionAsync("zh-Hans");

        await Expect(north.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans", new() { Timeout = 60_000 });
        await Expect(north.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = 60_000 });
        await Expect(north.GetByRole(AriaRole.Heading, new() { Name = "你的立场" })).ToBeVisibleAsync();
        await Expect(north.GetByRole(AriaRole.Heading, new() { Name = "发言队列" })).ToBeVisibleAsync();
        await Expect(north.GetByRole(AriaRole.Link, new() { Name = "新建对话" })).ToBeVisibleAsync();
        await Expect(north.GetByTestId("phase")).ToHaveTextAsync("起草");
        await Expect(north.GetByText("Your position")).ToHaveCountAsync(0);

        // Her interface is Chinese, so she reads the clause in Chinese first, the English beside it.
        var reading = north.GetByTestId("selected-clause").Locator(".bilingual-reading");
        await Expect(reading).ToHaveAttributeAsync("lang", BrowserRoom.Chinese);
        await Expect(reading).ToContainTextAsync(BrowserRoom.ChineseClause);
        await Expect(north.GetByTestId("selected-clause").Locator(".bilingual-other")).ToHaveAttributeAsync("lang", "en");

        await Axe.AssertNoWcagViolationsAsync(north, "room in Chinese");
        await Screenshots.TakeAsync(north, "room-chinese.png");

        // The choice is hers on this browser: a reload keeps it.
        await north.ReloadAsync();
        await Expect(north.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans", new() { Timeout = 60_000 });
        await Expect(north.GetByRole(AriaRole.Heading, new() { Name = "你的立场" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(north.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = 60_000 });

        // Her position is on the clause, whichever language she read it in.
        await north.GetByTestId("position-Support").ClickAsync();
        await Expect(north.GetByTestId("position-Support")).ToHaveAttributeAsync("aria-pressed", "true");

        // The rapporteur revises the English (the source): the Chinese she reads is marked stale, in Chinese.
        await rapporteur.GetByTestId("editor-text").FillAsync("No AI system should copy, improve or hide itself without human approval.");
        await rapporteur.GetByTestId("editor-commit").ClickAsync();
        var stale = north.GetByTestId("text-" + BrowserRoom.Chinese).GetByTestId("translation-stale");
        await Expect(stale).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(stale).ToHaveTextAsync("已过时");
        await Expect(reading).ToContainTextAsync(BrowserRoom.ChineseClause);
        await Axe.AssertNoWcagViolationsAsync(north, "room in Chinese with a stale translation");
    }
}
