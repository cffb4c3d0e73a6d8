using Microsoft.Playwright;

namespace Deliberation.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Waits until the page's finite CSS transitions and animations have ended. axe reads colours as they
/// are drawn, so a button caught mid-transition (a position turning stale, a snackbar fading) measures
/// a contrast no reader ever sees; spinners, which never end, are left out.
/// </summary>
public static class Animations
{
    public static Task SettledAsync(IPage page) =>
        page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
            null,
            new PageWaitForFunctionOptions { Timeout = 10_000 });
}
