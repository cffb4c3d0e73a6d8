using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Deliberation.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// The review of an imported dialogue with hundreds of key moments (issue 12): the timeline renders only
/// the rows near its viewport (docs/architecture.md, "The browser client"), <c>?moment=</c> still opens a moment
/// whose row is not rendered, a row chosen with the keyboard still moves the review to it, and axe finds nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongTimelineBrowserTests(BrowserRoom room)
{
    private const float BootTimeout = 60_000;
    private const int Comments = 300;

    [Fact]
    public async Task ATimelineOfHundredsOfMomentsRendersAFewRowsAndStillOpensAndChoosesAnyMoment()
    {
        var (dialogueId, statementId) = await ImportAsync();
        var page = await NewSignedInPageAsync();

        // The organiser's account enters the dialogue it imported (the import went through another client), with the browser's cookies.
        var entered = await page.APIRequest.PostAsync(Url($"api/account/dialogues/{dialogueId}/enter"));
        Assert.True(entered.Ok, await entered.TextAsync());
        await page.GotoAsync(Url($"dialogues/{dialogueId}/statements/{statementId}/review"));
        await Expect(page.GetByTestId("moment-timeline")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("moment-count")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        var total = int.Parse((await page.GetByTestId("moment-count").TextContentAsync())!.Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(total > Comments, $"only {total} moments");

        var rows = page.Locator("[data-testid='timeline-list'] [data-testid^='moment-'][data-kind]");
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.InRange(await rows.CountAsync(), 1, 80);
        await Axe.AssertNoViolationsAsync(page, "a long timeline");
        // The window only, not the whole page: the statement beside the timeline has 300 clauses.
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "review-long-timeline.png") });

        // ?moment= opens the last moment, whose row is far below the rendered ones.
        var timeline = (await (await page.APIRequest.GetAsync(Url($"api/dialogues/{dialogueId}/statements/{statementId}/review/timeline"))).JsonAsync())!.Value;
        var moments = timeline.GetProperty("moments").EnumerateArray().Select(m => m.GetProperty("moment").GetInt64()).ToList();
        var last = moments[^1];
        await page.GotoAsync(Url($"dialogues/{dialogueId}/statements/{statementId}/review?moment={last}"));
        // The import's last event released every clause's figures at once: the address names that event, the first of its moments.
        var position = page.GetByTestId("scrubber-position");
        await Expect(position).ToContainTextAsync($"Moment {moments.IndexOf(last) + 1} of {total}:", new() { Timeout = BootTimeout });
        Assert.True(moments.IndexOf(last) > 80, "the moment opened is far past the rendered rows");
        // Once that moment is shown (its answer may come after the position), a rendered row chosen moves the review to it.
        await Expect(page.GetByTestId("statement-at-moment")).ToHaveAttributeAsync("data-moment", last.ToString(CultureInfo.InvariantCulture), new() { Timeout = BootTimeout });
        var first = rows.First;
        var firstMoment = (await first.GetAttributeAsync("data-testid"))!["moment-".Length..];
        await first.ClickAsync();
        await Expect(position).ToContainTextAsync($"Moment {moments.IndexOf(long.Parse(firstMoment, CultureInfo.InvariantCulture)) + 1} of {total}:", new() { Timeout = BootTimeout });
        Assert.InRange(await rows.CountAsync(), 1, 80);
        await Axe.AssertNoViolationsAsync(page, "a long timeline, a row chosen");
    }

    /// <summary>A made-up Pol.is export of <see cref="Comments"/> comments and six participants in two groups, imported through the API.</summary>
    private async Task<(string DialogueId, string StatementId)> ImportAsync()
    {
        var comments = new StringBuilder("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
        for (var c = 0; c < Comments; c++)
            comments.Append(CultureInfo.InvariantCulture, $"{c + 1},x,{c},0,3,2,1,Comment number {c} on the long timeline\n");
        var votes = new StringBuilder("participant,group-id,n-comments,n-votes,n-agree,n-disagree," + string.Join(',', Enumerable.Range(0, Comments)) + "\n");
        for (var p = 0; p < 6; p++)
            votes.Append(CultureInfo.InvariantCulture, $"{p},{p % 2},0,{Comments},0,0,{string.Join(',', Enumerable.Range(0, Comments).Select(c => (c + p) % 3 == 0 ? "-1" : "1"))}\n");
        using var form = new MultipartFormDataContent();
        form.Add(Csv(comments.ToString()), "comments.csv", "comments.csv");
        form.Add(Csv(votes.ToString()), "participants-votes.csv", "participants-votes.csv");
        form.Add(new StringContent("A long timeline"), "title");

        using var organiser = await room.Server.NewOrganiserClientAsync();
        var started = await organiser.Http.PostAsync("/api/imports/polis", form);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = started.Headers.Location!.ToString();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var view = await organiser.GetJsonAsync(job);
            var state = view["state"]!.GetValue<string>();
            if (state == "done")
                return (view["result"]!["dialogueId"]!.GetValue<string>(), view["result"]!["statementId"]!.GetValue<string>());
            Assert.True(state != "failed" && DateTime.UtcNow < deadline, view.ToJsonString());
            await Task.Delay(200);
        }
    }

    private static StreamContent Csv(string text)
    {
        var part = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return part;
    }

    private async Task<IPage> NewSignedInPageAsync()
    {
        var context = await room.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = room.Server.BaseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("account/sign-in"));
        await page.GetByTestId("sign-in-email").FillAsync(TestOrganiser.Email, new() { Timeout = BootTimeout });
        await page.GetByTestId("sign-in-password").FillAsync(TestOrganiser.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForURLAsync("**/account", new() { Timeout = BootTimeout });
        return page;
    }

    private string Url(string path) => new Uri(room.Server.BaseAddress, path).ToString();
}
