using Deliberation.Domain;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Deliberation.Server.Demo;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// The review of the seeded demo in chromium (issue 12, "Tests"): opened from the room, scrubbed back
/// with the keyboard to before the substantive revision (the old text, the old matrix), two moments
/// compared with the changed cells marked, the chain verified in the browser, the history report
/// downloaded and read back; no axe violation, at desktop width and at 390 px.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class ReviewBrowserTests(DemoBrowser demo)
{
    private const float BootTimeout = 90_000;
    private const float AnswerTimeout = 30_000;

    private static string RevisedText => DemoScript.Clauses[DemoScript.RevisedClause].Text;

    [Fact]
    public async Task TheFacilitatorScrubsBackBeforeTheSubstantiveRevisionComparesAndVerifies()
    {
        var page = await demo.OpenAsync(Role.Facilitator);
        await page.GetByTestId("link-review").ClickAsync();
        await page.WaitForURLAsync("**/review");
        await Expect(page.GetByTestId("moment-timeline")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        var clause = page.Locator("[data-testid^='snapshot-clause-']").Nth(DemoScript.RevisedClause);
        await Expect(clause).ToContainTextAsync(RevisedText, new() { Timeout = AnswerTimeout });
        var clauseId = (await clause.GetAttributeAsync("data-testid"))!["snapshot-clause-".Length..];
        var europe = page.GetByTestId($"cell-{clauseId}-Region-Europe");
        // Now: after the revision Hans Becker supports the narrower text, so all three in Europe do.
        await Expect(europe).ToContainTextAsync("3/3");

        // The substantive revision, from the timeline: its moment goes into the address.
        var revision = page.Locator($"[data-kind='revision-substantive']").First;
        await revision.ClickAsync();
        var revisionMoment = long.Parse((await revision.GetAttributeAsync("data-testid"))!["moment-".Length..]);
        await page.WaitForURLAsync($"**/review?moment={revisionMoment}");
        await Expect(clause).ToHaveAttributeAsync("data-revision", "2", new() { Timeout = AnswerTimeout });

        // One step back with the keyboard on the scrubber: the first draft, and the matrix as it was.
        await page.GetByTestId("moment-slider").FocusAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.GetByTestId("statement-at-moment")).Not.ToHaveAttributeAsync("data-moment", revisionMoment.ToString(), new() { Timeout = AnswerTimeout });
        await Expect(clause).ToHaveAttributeAsync("data-revision", "1", new() { Timeout = AnswerTimeout });
        await Expect(clause).ToContainTextAsync(DemoScript.RevisedClauseFirstDraft);
        await Expect(clause).Not.ToContainTextAsync("autonomous");
        await Expect(europe).ToContainTextAsync("2/3");
        Assert.Contains("moment=", page.Url);
        var before = long.Parse(page.Url[(page.Url.IndexOf("moment=", StringComparison.Ordinal) + "moment=".Length)..]);
        Assert.True(before < revisionMoment);
        await AssertNoViolationsAsync(page, "review at a moment before the revision (facilitator)");
        await Screenshots.TakeAsync(page, "review-before-revision.png");

        // The address carries the moment: opened afresh, it shows the same.
        var shared = await page.Context.NewPageAsync();
        await shared.GotoAsync(page.Url);
        await Expect(shared.Locator("[data-testid^='snapshot-clause-']").Nth(DemoScript.RevisedClause))
            .ToHaveAttributeAsync("data-revision", "1", new() { Timeout = BootTimeout });
        await shared.CloseAsync();

        // Compare the moment before the revision with now.
        await page.GetByTestId("compare-from").SelectOptionAsync(before.ToString());
        var last = await page.GetByTestId("compare-to").Locator("option").Last.GetAttributeAsync("value");
        await page.GetByTestId("compare-to").SelectOptionAsync(last!);
        await page.GetByTestId("compare").ClickAsync();
        var diff = page.GetByTestId($"comparison-clause-{clauseId}");
        await Expect(diff).ToBeVisibleAsync(new() { Timeout = AnswerTimeout });
        await Expect(diff.Locator("ins").First).ToContainTextAsync("autonomous");
        await Expect(page.GetByTestId($"changed-cell-{clauseId}-Region-Europe")).ToContainTextAsync("2/3");
        await page.GetByTestId("show-compared").ClickAsync();
        await Expect(europe).ToHaveAttributeAsync("data-changed", "true", new() { Timeout = AnswerTimeout });
        await AssertNoViolationsAsync(page, "review with a comparison (facilitator)");
        await Screenshots.TakeAsync(page, "review-compare.png");

        // The chains, checked in this browser against the heads.
        await page.GetByTestId("verify-chain").ClickAsync();
        await Expect(page.GetByTestId("verify-result")).ToContainTextAsync("Chain whole", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("verify-result")).ToContainTextAsync("heads match");

        // Home and End jump to the first and the last moment. The chair sees live figures: no "as released" note.
        var first = await page.GetByTestId("compare-from").Locator("option").First.GetAttributeAsync("value");
        await page.GetByTestId("moment-slider").FocusAsync();
        await page.Keyboard.PressAsync("Home");
        await Expect(page.GetByTestId("statement-at-moment")).ToHaveAttributeAsync("data-moment", first!, new() { Timeout = AnswerTimeout });
        await page.Keyboard.PressAsync("End");
        await Expect(page.GetByTestId("statement-at-moment")).ToHaveAttributeAsync("data-moment", last!, new() { Timeout = AnswerTimeout });
        await Expect(page.GetByTestId("figures-as-released")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ADelegateOpensTheReviewFromTheDialogueListOnAPhoneWithoutViolations()
    {
        var page = await demo.OpenAsync(Role.Delegate, width: 390, height: 844);
        await page.GotoAsync("/");
        await page.Locator("[data-testid^='review-']").First.ClickAsync(new() { Timeout = BootTimeout });
        await page.WaitForURLAsync("**/statements/*/review");
        await Expect(page.GetByTestId("moment-timeline")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("statement-at-moment")).ToBeVisibleAsync(new() { Timeout = AnswerTimeout });
        await Expect(page.GetByTestId("review-scope")).ToContainTextAsync("what your role could see live");
        // Chatham House: a delegate saw the matrix only as released, and the review says so.
        await Expect(page.GetByTestId("figures-as-released")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("release-note")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"The review page is {overflow} px wider than a 390 px screen.");
        await AssertNoViolationsAsync(page, "review (delegate, 390 px)");
        // The first screen as a phone shows it (the whole page is too long to read at that width).
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "review-phone.png") });
    }

    [Fact]
    public async Task TheHistoryReportDownloadsAsHtmlAndPdfAndReadsBack()
    {
        var page = await demo.OpenAsync(Role.Delegate);
        await page.GetByTestId("link-review").ClickAsync();
        await Expect(page.GetByTestId("report-pdf")).ToBeVisibleAsync(new() { Timeout = BootTimeout });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-pdf").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!)))
        {
            var text = Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));
            Assert.Contains(Squeezed(RevisedText), text);
            Assert.Contains(Squeezed(DemoScript.RevisedClauseRationale), text);
        }

        var html = await page.Context.APIRequest.GetAsync((await page.GetByTestId("report-html").GetAttributeAsync("href"))!);
        Assert.True(html.Ok, $"{html.Status}: {await html.TextAsync()}");
        var body = await html.TextAsync();
        Assert.Contains(RevisedText, body);
        Assert.Contains("<svg", body);

        var log = await page.Context.APIRequest.GetAsync((await page.GetByTestId("event-log").GetAttributeAsync("href"))!);
        Assert.True(log.Ok);
        Assert.Contains("\"leaf\"", await log.TextAsync());
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Axe.AssertNoWcagViolationsAsync(page, what);
    }
}
