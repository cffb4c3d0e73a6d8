using Deliberation.Domain;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// The room, as a delegate and as the facilitator, the setup page with an agenda, the projector and the
/// published statement's HTML page: no axe-core violation at WCAG 2.1 AA, and a delegate can take a
/// position and raise her hand with the keyboard alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoomAccessibilityBrowserTests(BrowserRoom room)
{
    private static readonly (string, Role, string?)[] People =
    [
        ("Fran Facilitator", Role.Facilitator, null),
        ("Dana North", Role.Delegate, "North"),
        ("Sam South", Role.Delegate, "South"),
    ];

    [Fact]
    public async Task TheRoomAndTheProjectorHaveNoWcagViolations()
    {
        var dialogue = await room.SetUpAsync(People);
        var facilitator = await room.OpenAsync(dialogue, "Fran Facilitator");
        var north = await room.OpenAsync(dialogue, "Dana North");
        await facilitator.GetByTestId($"focus-{dialogue.ClauseId}").ClickAsync();
        await Expect(north.GetByTestId("selected-clause")).ToContainTextAsync("On the floor");

        // The agenda (issue 11): the chair adds an item on the setup page and takes it up from the
        // console; the room hears of both by the usual push, and every page keeps zero violations.
        var setup = await facilitator.Context.NewPageAsync();
        await setup.GotoAsync(new Uri(room.Server.BaseAddress, $"dialogues/{dialogue.DialogueId}/setup").ToString());
        await setup.GetByTestId("agenda-title").FillAsync("Red lines", new() { Timeout = 30_000 });
        await setup.GetByTestId("agenda-minutes").FillAsync("20");
        await setup.GetByTestId("agenda-save").ClickAsync();
        await Expect(setup.GetByTestId("agenda-item-1")).ToContainTextAsync("Red lines · 20 min");
        await Axe.AssertNoWcagViolationsAsync(setup, "setup (with an agenda)");
        await Screenshots.TakeAsync(setup, "setup-agenda.png");
        await setup.CloseAsync();
        await facilitator.GetByTestId("agenda-next").ClickAsync();
        await Expect(north.GetByTestId("agenda-now")).ToContainTextAsync("Now: 1 of 1 · Red lines · 20 min");

        await Axe.AssertNoWcagViolationsAsync(north, "room (delegate)");
        await Axe.AssertNoWcagViolationsAsync(facilitator, "room (facilitator)");

        var projector = await facilitator.Context.NewPageAsync();
        await projector.GotoAsync(new Uri(room.Server.BaseAddress, $"dialogues/{dialogue.DialogueId}/projector").ToString());
        await Expect(projector.GetByTestId($"cell-{dialogue.ClauseId}-Region-North")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(projector.GetByTestId("agenda-now")).ToContainTextAsync("Now: 1 of 1 · Red lines · 20 min");
        await Axe.AssertNoWcagViolationsAsync(projector, "projector (with the current agenda item)");
        await Screenshots.TakeAsync(projector, "projector-agenda.png");
    }

    [Fact]
    public async Task TheChairsHoldoutsPanelAndFreezeWarningHaveNoWcagViolations()
    {
        var dialogue = await room.SetUpAsync(People);
        var facilitator = await room.OpenAsync(dialogue, "Fran Facilitator");
        var north = await room.OpenAsync(dialogue, "Dana North");
        await north.GetByTestId("position-note").FillAsync("Nobody can audit self-improvement.");
        await north.GetByTestId("position-Block").ClickAsync();
        await Expect(north.GetByTestId("position-Block")).ToHaveAttributeAsync("aria-pressed", "true");

        // Chatham House: the facilitator reads who blocks, and why.
        await facilitator.GetByTestId("open-holdouts").ClickAsync();
        await Expect(facilitator.GetByTestId("holdout")).ToContainTextAsync("Dana North", new() { Timeout = 10_000 });
        await Expect(facilitator.GetByTestId("holdout")).ToContainTextAsync("Nobody can audit self-improvement.");
        await Axe.AssertNoWcagViolationsAsync(facilitator, "room with the holdouts panel (facilitator)");

        // At the final reading, freezing a text whose clause is blocked warns first.
        await facilitator.GetByTestId("phase-next").ClickAsync();
        await Expect(facilitator.GetByTestId("phase")).ToContainTextAsync("Final reading", new() { Timeout = 10_000 });
        // The phase's snackbar is checked as it fades (a contrast axe may catch mid-animation): let it go first.
        // It comes with the command's answer, which may arrive after the push that moved the phase, so
        // it is waited for first: waiting only for none, a late answer put it on the page under axe.
        var phaseSnackbar = facilitator.Locator(".mud-snackbar", new() { HasText = "Final reading" });
        await Expect(phaseSnackbar.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(facilitator.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await facilitator.GetByTestId("freeze").ClickAsync();
        await Expect(facilitator.GetByTestId("freeze-not-agreed")).ToContainTextAsync("Clause 1");
        await Axe.AssertNoWcagViolationsAsync(facilitator, "room with the freeze warning (facilitator)");
    }

    [Fact]
    public async Task ThePublishedStatementPageHasNoWcagViolations()
    {
        var dialogue = await room.SetUpAsync(People);
        var facilitator = await room.OpenAsync(dialogue, "Fran Facilitator");
        var statement = await facilitator.Context.NewPageAsync();

        // The clean HTML export is a page of its own, opened and printed from the browser (docs/api.md, "Statement exports").
        await statement.GotoAsync(new Uri(room.Server.BaseAddress,
            $"api/dialogues/{dialogue.DialogueId}/statements/{dialogue.StatementId}/export?format=html&clean=true").ToString());
        await Expect(statement.Locator("main h1")).ToBeVisibleAsync();

        await Axe.AssertNoWcagViolationsAsync(statement, "published statement (html)");
    }

    [Fact]
    public async Task ADelegateTakesAPositionAndRaisesHerHandWithTheKeyboardAlone()
    {
        var dialogue = await room.SetUpAsync(People);
        var facilitator = await room.OpenAsync(dialogue, "Fran Facilitator");
        var north = await room.OpenAsync(dialogue, "Dana North");
        await facilitator.GetByTestId($"focus-{dialogue.ClauseId}").ClickAsync();
        await Expect(north.GetByTestId("selected-clause")).ToContainTextAsync("On the floor");

        await TabToAsync(north, "position-Support");
        await north.Keyboard.PressAsync("Enter");
        await Expect(north.GetByTestId("position-Support")).ToHaveAttributeAsync("aria-pressed", "true");

        await TabToAsync(north, "raise-hand");
        await north.Keyboard.PressAsync("Space");
        await Expect(facilitator.GetByTestId("speaking-queue")).ToContainTextAsync("Dana North", new() { Timeout = 5_000 });
    }

    /// <summary>Presses Tab until the element with the test id has focus, and checks the focus can be seen.</summary>
    private static async Task TabToAsync(IPage page, string testId)
    {
        for (var presses = 0; presses < 150; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('data-testid')") == testId)
            {
                // A visible focus: an outline or a box shadow on the focused element.
                var visible = await page.EvaluateAsync<bool>("""
                    () => { const s = getComputedStyle(document.activeElement);
                            return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }
                    """);
                Assert.True(visible, $"{testId} has focus but shows no focus ring");
                return;
            }
        }
        Assert.Fail($"Tab never reached {testId}");
    }
}
