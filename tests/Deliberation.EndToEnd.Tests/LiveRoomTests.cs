using Deliberation.Domain;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Eventually = Deliberation.Testing.Eventually;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// A facilitator, a rapporteur and two delegates, each in a browser of their own, against the
/// server started as a process: what one does appears on the others' screens without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveRoomTests(BrowserRoom room)
{
    private static readonly (string, Role, string?)[] People =
    [
        ("Fran Facilitator", Role.Facilitator, null),
        ("Rhea Rapporteur", Role.Rapporteur, null),
        ("Dana North", Role.Delegate, "North"),
        ("Sam South", Role.Delegate, "South"),
    ];

    [Fact]
    public async Task APositionTakenByOneDelegateChangesTheOthersMatrixWithinASecond()
    {
        // k = 1: every change is a release, so the room sees each at once.
        var dialogue = await room.SetUpAsync(People);
        var facilitator = await room.OpenAsync(dialogue, "Fran Facilitator");
        var north = await room.OpenAsync(dialogue, "Dana North");
        var south = await room.OpenAsync(dialogue, "Sam South");

        await facilitator.GetByTestId($"focus-{dialogue.ClauseId}").ClickAsync();
        await Expect(south.GetByTestId("selected-clause")).ToContainTextAsync("On the floor");
        var cell = south.GetByTestId($"cell-{dialogue.ClauseId}-Region-North");
        await Expect(cell).ToContainTextAsync("0/1");

        await north.GetByTestId("position-Support").ClickAsync();

        await Expect(cell).ToContainTextAsync("1/1", new() { Timeout = 1_000 });
    }

    [Fact]
    public async Task AChangeShowsAsPendingUntilTheChairShowsTheRoomAfterConfirmingTheRisk()
    {
        // k = 2: North and South (one each) fold into one row for the room; one change is below k.
        var dialogue = await room.SetUpAsync(2, People);
        var facilitator = await room.OpenAsync(dialogue, "Fran Facilitator");
        var north = await room.OpenAsync(dialogue, "Dana North");
        var south = await room.OpenAsync(dialogue, "Sam South");

        await facilitator.GetByTestId($"focus-{dialogue.ClauseId}").ClickAsync();
        await Expect(south.GetByTestId("selected-clause")).ToContainTextAsync("On the floor");
        var cell = south.GetByTestId($"cell-{dialogue.ClauseId}-Region-Other groups");
        await Expect(cell).ToContainTextAsync("0/2");

        await north.GetByTestId("position-Support").ClickAsync();

        // A delegate in ChathamHouse sees figures only as released: one change is "pending" (within a second)…
        await Expect(south.GetByTestId("changes-pending")).ToBeVisibleAsync(new() { Timeout = 1_000 });
        await Expect(cell).ToContainTextAsync("0/2");
        // …while the chair sees it live.
        await Expect(facilitator.GetByTestId($"cell-{dialogue.ClauseId}-Region-North")).ToContainTextAsync("1/1");

        // One change is fewer than k: the server refuses, the chair reads the risk, confirms, and the room sees it marked.
        await facilitator.GetByTestId("release-clause").ClickAsync();
        await Expect(facilitator.GetByTestId("confirm-lead")).ToContainTextAsync("Only 1 person has changed position");
        await facilitator.GetByTestId("confirm-ok").ClickAsync();

        await Expect(cell).ToContainTextAsync("1/2", new() { Timeout = 5_000 });
        await Expect(south.GetByTestId("forced-release")).ToBeVisibleAsync();
        await Expect(south.GetByTestId("release-note")).ToContainTextAsync("Figures as last shown to the room");
        await Expect(south.GetByTestId("changes-pending")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(south, "room-delegate-released.png");
        await Screenshots.TakeAsync(facilitator, "room-facilitator-show-the-room.png");

        // The next change marks the release she holds as pending again (a mark, not the figures
        // anew: docs/api.md), and the figures shown stay the release's.
        await north.GetByTestId("position-Oppose").ClickAsync();
        await Expect(south.GetByTestId("changes-pending")).ToBeVisibleAsync(new() { Timeout = 1_000 });
        await Expect(south.GetByTestId("forced-release")).ToBeVisibleAsync();
        await Expect(cell).ToContainTextAsync("1/2");
        await Screenshots.TakeAsync(south, "room-delegate-pending-after-release.png");
    }

    [Fact]
    public async Task TheProjectorOpenedByTheFacilitatorShowsWhatADelegateSees()
    {
        var dialogue = await room.SetUpAsync(2, People);
        var facilitator = await room.OpenAsync(dialogue, "Fran Facilitator");
        var north = await room.OpenAsync(dialogue, "Dana North");
        await facilitator.GetByTestId($"focus-{dialogue.ClauseId}").ClickAsync();
        await north.GetByTestId("position-Support").ClickAsync();
        await Expect(facilitator.GetByTestId($"cell-{dialogue.ClauseId}-Region-North")).ToContainTextAsync("1/1");

        // The same browser, the same session: the projector page still shows the room's view.
        var projector = await facilitator.Context.NewPageAsync();
        await projector.GotoAsync(new Uri(room.Server.BaseAddress, $"dialogues/{dialogue.DialogueId}/projector").ToString());
        // Folded as the room sees it, nothing released yet: never the facilitator's live North 1/1.
        await Expect(projector.GetByTestId($"cell-{dialogue.ClauseId}-Region-North")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(projector.GetByTestId($"cell-{dialogue.ClauseId}-Region-Other groups")).ToContainTextAsync("0/2", new() { Timeout = 30_000 });
        await Expect(projector.GetByTestId("changes-pending")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(projector, "projector-released.png");
    }

    [Fact]
    public async Task ASubstantiveRevisionAsksTheDelegateToReconfirm()
    {
        var dialogue = await room.SetUpAsync(People);
        var north = await room.OpenAsync(dialogue, "Dana North");
        var rapporteur = await room.OpenAsync(dialogue, "Rhea Rapporteur");
        await north.GetByTestId("position-Accept").ClickAsync();
        await Expect(north.GetByTestId("position-current")).ToContainTextAsync("Accept");

        await rapporteur.GetByTestId("editor-text").FillAsync("No AI system should copy or improve itself without explicit human approval and oversight.");
        await rapporteur.GetByTestId("editor-commit").ClickAsync();

        await Expect(north.GetByTestId("reconfirm")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(north.GetByTestId("clause-text")).ToContainTextAsync("explicit human approval and oversight");
    }

    [Fact]
    public async Task TwoEditorsCommittingAtOnceLoseNoText()
    {
        var dialogue = await room.SetUpAsync(People);
        var rapporteur = await room.OpenAsync(dialogue, "Rhea Rapporteur");
        var facilitator = await room.OpenAsync(dialogue, "Fran Facilitator");
        const string Theirs = "No AI system should replicate itself without approval by its developers.";
        const string Mine = "No AI system should copy or improve itself without oversight by an independent body.";
        await rapporteur.GetByTestId("editor-text").FillAsync(Theirs);
        await facilitator.GetByTestId("editor-text").FillAsync(Mine);

        await Task.WhenAll(rapporteur.GetByTestId("editor-commit").ClickAsync(), facilitator.GetByTestId("editor-commit").ClickAsync());

        // One commit wins; the other editor gets the merge view with both texts, nothing lost.
        var loser = await WhichShowsAsync("merge-view", rapporteur, facilitator);
        var mergeView = loser.GetByTestId("merge-view");
        await Expect(mergeView).ToContainTextAsync(loser == rapporteur ? Theirs : Mine);
        await Expect(mergeView).ToContainTextAsync(loser == rapporteur ? Mine : Theirs);
    }

    private static Task<IPage> WhichShowsAsync(string testId, params IPage[] pages) =>
        Eventually.Async(
            async () =>
            {
                foreach (var page in pages)
                    if (await page.GetByTestId(testId).IsVisibleAsync())
                        return page;
                return null;
            },
            TimeSpan.FromSeconds(10),
            () => $"No page showed {testId}.",
            TimeSpan.FromMilliseconds(100));

    [Fact]
    public async Task ADelegateWhoseBrowserWentOfflineSeesWhatSheMissedWhenBack()
    {
        var dialogue = await room.SetUpAsync(People);
        var north = await room.OpenAsync(dialogue, "Dana North");
        var south = await room.OpenAsync(dialogue, "Sam South");
        var cell = south.GetByTestId($"cell-{dialogue.ClauseId}-Region-North");
        await Expect(cell).ToContainTextAsync("0/1");

        await south.Context.SetOfflineAsync(true);
        await Expect(south.GetByTestId("connection-state")).Not.ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = 45_000 });
        await north.GetByTestId("position-Support").ClickAsync();
        await Expect(north.GetByTestId("position-current")).ToContainTextAsync("Support");
        await south.Context.SetOfflineAsync(false);

        await Expect(south.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = 60_000 });
        await Expect(cell).ToContainTextAsync("1/1", new() { Timeout = 30_000 });
    }
}
