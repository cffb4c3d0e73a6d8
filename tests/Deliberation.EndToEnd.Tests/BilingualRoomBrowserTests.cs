using Deliberation.Domain;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// A dialogue in English and Chinese (issue 13): a delegate who picks 中文 reads the clause in
/// Chinese with the English beside it, takes her position on the clause, and sees the Chinese text
/// marked stale, with the English diff since, when the rapporteur revises the English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BilingualRoomBrowserTests(BrowserRoom room)
{
    private static readonly (string, Role, string?)[] People =
    [
        ("Rhea Rapporteur", Role.Rapporteur, null),
        ("Dana North", Role.Delegate, "North"),
        ("Sam South", Role.Delegate, "South"),
    ];

    [Fact]
    public async Task ADelegateReadsInChineseWithEnglishBesideItAndSeesTheStaleMarkWhenTheEnglishIsRevised()
    {
        var dialogue = await room.SetUpBilingualAsync(People);
        var north = await room.OpenAsync(dialogue, "Dana North");
        var rapporteur = await room.OpenAsync(dialogue, "Rhea Rapporteur");

        await north.GetByTestId("reading-language").SelectOptionAsync(BrowserRoom.Chinese);

        var reading = north.GetByTestId("selected-clause").Locator(".bilingual-reading");
        var beside = north.GetByTestId("selected-clause").Locator(".bilingual-other");
        await Expect(reading).ToHaveAttributeAsync("lang", BrowserRoom.Chinese);
        await Expect(reading).ToContainTextAsync(BrowserRoom.ChineseClause);
        await Expect(beside).ToHaveAttributeAsync("lang", "en");
        await Expect(beside).ToContainTextAsync(BrowserRoom.EnglishClause);
        // The glossary's term is marked in both texts, its agreed renderings in the title.
        await Expect(reading.GetByTestId("glossary-term")).ToHaveAttributeAsync("title", "Glossary: AI system = 人工智能系统 (Agreed in Beijing.)");
        await Expect(beside.GetByTestId("glossary-term")).ToHaveTextAsync("AI system");
        await Expect(north.GetByTestId("translation-stale")).ToHaveCountAsync(0);

        await north.GetByTestId("position-Support").ClickAsync();
        await Expect(north.GetByTestId("position-Support")).ToHaveAttributeAsync("aria-pressed", "true");
        await Axe.AssertNoWcagViolationsAsync(north, "bilingual room (delegate reading Chinese)");
        await Screenshots.TakeAsync(north, "room-bilingual.png");

        await rapporteur.GetByTestId("editor-text").FillAsync("No AI system should copy, improve or hide itself without human approval.");
        await rapporteur.GetByTestId("editor-commit").ClickAsync();

        var stale = north.GetByTestId("text-" + BrowserRoom.Chinese).GetByTestId("translation-stale");
        await Expect(stale).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(north.GetByTestId("translation-diff").Locator("ins").Filter(new() { HasText = "hide" })).ToHaveCountAsync(1);
        await Expect(reading).ToContainTextAsync(BrowserRoom.ChineseClause);
        await Axe.AssertNoWcagViolationsAsync(north, "bilingual room with a stale translation");
        await Screenshots.TakeAsync(north, "room-bilingual-stale.png");

        // The rapporteur translates the new revision: the mark goes for everyone.
        await rapporteur.GetByTestId("translate-text-" + BrowserRoom.Chinese).FillAsync("任何人工智能系统都不应在未经人类批准的情况下复制、改进或隐藏自身。");
        await rapporteur.GetByTestId("translate-save-" + BrowserRoom.Chinese).ClickAsync();
        await Expect(stale).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(reading).ToContainTextAsync("隐藏");
        // A snackbar is checked as it fades (a contrast axe may catch mid-animation): let it go first. It
        // comes with the command's answer, which may arrive after the push that cleared the mark: seen first.
        await Expect(rapporteur.Locator(".mud-snackbar").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(rapporteur.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Axe.AssertNoWcagViolationsAsync(rapporteur, "bilingual room (rapporteur with the translate box)");
    }

    [Fact]
    public async Task OnASmallScreenTheOtherLanguageIsBehindAToggleAndTheProjectorShowsBoth()
    {
        var dialogue = await room.SetUpBilingualAsync(People);
        var north = await room.OpenAsync(dialogue, "Dana North", width: 420);

        // Her browser reads English: the Chinese column waits behind the toggle.
        var chinese = north.GetByTestId("selected-clause").GetByTestId("text-" + BrowserRoom.Chinese);
        await Expect(north.GetByTestId("selected-clause").GetByTestId("text-en")).ToBeVisibleAsync();
        await Expect(chinese).ToBeHiddenAsync();
        await north.GetByTestId("bilingual-toggle").ClickAsync();
        await Expect(chinese).ToBeVisibleAsync();

        var projector = await north.Context.NewPageAsync();
        await projector.SetViewportSizeAsync(1440, 900);
        await projector.GotoAsync(new Uri(room.Server.BaseAddress, $"dialogues/{dialogue.DialogueId}/projector").ToString());
        var clause = projector.GetByTestId("projector-clause");
        await Expect(clause.GetByTestId("text-en")).ToContainTextAsync(BrowserRoom.EnglishClause, new() { Timeout = 30_000 });
        await Expect(clause.GetByTestId("text-" + BrowserRoom.Chinese)).ToContainTextAsync(BrowserRoom.ChineseClause);
        await Axe.AssertNoWcagViolationsAsync(projector, "bilingual projector");
        await Screenshots.TakeAsync(projector, "projector-bilingual.png");
    }
}
