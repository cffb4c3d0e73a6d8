using Microsoft.Playwright;

namespace Deliberation.EndToEnd.Tests.Infrastructure;

/// <summary>What a page looks like, for docs/screenshots: written beside the test run's output, to be looked at and copied.</summary>
public static class Screenshots
{
    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name), FullPage = true });
}
