using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Deliberation.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The accessibility check of the browser tests, run with axe-core on a page come to rest
/// (<see cref="Animations.SettledAsync"/>): a snackbar fading in or a button changing colour measures a
/// contrast no reader ever sees, and caught mid-way it failed a run now and then.
/// </summary>
public static class Axe
{
    /// <summary>No violation of WCAG 2.1 A or AA, what every page must meet.</summary>
    public static Task AssertNoWcagViolationsAsync(IPage page, string what) =>
        AssertNoViolationsAsync(page, what, new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

    /// <summary>No violation of any rule axe has, its best practices included: the pages held to more than WCAG.</summary>
    public static Task AssertNoViolationsAsync(IPage page, string what) => AssertNoViolationsAsync(page, what, null);

    private static async Task AssertNoViolationsAsync(IPage page, string what, AxeRunOptions? options)
    {
        await Animations.SettledAsync(page);
        var result = await page.RunAxe(options);
        Assert.True(result.Violations.Length == 0,
            $"{what}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }
}
