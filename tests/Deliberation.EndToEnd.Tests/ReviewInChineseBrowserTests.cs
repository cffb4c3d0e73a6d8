using Deliberation.Domain;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// The review of the demo in Simplified Chinese (issue 13): a delegate picks 中文, opens the review,
/// steps back a moment and compares two; the page reads Chinese, the key moments' summaries too (rendered
/// from their phrases), the demo's English clauses say they are English (for a screen reader), and axe
/// finds nothing.
/// </summary>
[Collection(DemoBrowserCollection.Name)]
public sealed class ReviewInChineseBrowserTests(DemoBrowser demo)
{
    private const float BootTimeout = 90_000;
    private const float AnswerTimeout = 30_000;

    [Fact]
    public async Task ADelegateReadsTheReviewInChineseScrubsAndCompares()
    {
        var page = await demo.OpenAsync(Role.Delegate);
        await page.GetByTestId("interface-language").SelectOptionAsync("zh-Hans");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans", new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = BootTimeout });

        await page.GetByTestId("link-review").ClickAsync();
        await page.WaitForURLAsync("**/review");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "关键时刻" })).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("review-scope")).ToContainTextAsync("共识如何逐步形成");
        await Expect(page.GetByTestId("statement-at-moment")).ToBeVisibleAsync(new() { Timeout = AnswerTimeout });
        await Expect(page.GetByTestId("figures-as-released")).ToContainTextAsync("公布时的数据");
        // The moments say what happened in Chinese, in the page's own language: no lang of their own.
        await Expect(page.Locator(".moment-summary").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(第 \\d+ 条|阶段：|声明|某条款|一项签名|.+ 已签署)"));
        await Expect(page.Locator(".moment-summary[lang]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".moment-summary", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Clause \\d|Phase:|revised \\(") })).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid^='snapshot-clause-'] .clause-text").First).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByText("Key moments")).ToHaveCountAsync(0);

        // One step back with the keyboard: the scrubber says where it stands, in Chinese.
        var shownBefore = await page.GetByTestId("statement-at-moment").GetAttributeAsync("data-moment");
        await page.GetByTestId("moment-slider").FocusAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.GetByTestId("statement-at-moment")).Not.ToHaveAttributeAsync("data-moment", shownBefore!, new() { Timeout = AnswerTimeout });
        await Expect(page.GetByTestId("scrubber-position")).ToContainTextAsync("个时刻，共");
        await Expect(page.GetByTestId("moment-slider")).ToHaveAttributeAsync("aria-valuetext", new System.Text.RegularExpressions.Regex("\\d+月\\d+日.*(第 \\d+ 条|阶段：)"));

        // The first moment against the last.
        var first = await page.GetByTestId("compare-from").Locator("option").First.GetAttributeAsync("value");
        var last = await page.GetByTestId("compare-to").Locator("option").Last.GetAttributeAsync("value");
        await page.GetByTestId("compare-from").SelectOptionAsync(first!);
        await page.GetByTestId("compare-to").SelectOptionAsync(last!);
        await page.GetByRole(AriaRole.Button, new() { Name = "比较", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("moment-comparison")).ToBeVisibleAsync(new() { Timeout = AnswerTimeout });
        await Expect(page.GetByTestId("moment-comparison").GetByRole(AriaRole.Heading)).ToContainTextAsync("从");
        await Expect(page.GetByTestId("comparison-diff").First).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByTestId("comparison-cells").Locator("caption")).ToHaveTextAsync("有变化的矩阵单元格（在下方矩阵中标出）");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "在此浏览器中核验历史记录" })).ToBeVisibleAsync();

        await Axe.AssertNoWcagViolationsAsync(page, "review in Chinese (delegate)");
        await Screenshots.TakeAsync(page, "review-chinese.png");
    }
}
