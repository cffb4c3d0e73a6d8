using Deliberation.Domain;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// docs/security.md, Browsers: the client works under the server's Content-Security-Policy — every
/// page opens in chromium without a single violation, the room still connects, and the page's own
/// POSTs pass the same-origin check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserRoom room)
{
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' blocked ' + e.blockedURI));
        """;

    [Fact]
    public async Task EveryPageOpensWithoutAViolationAndTheRoomConnects()
    {
        var dialogue = await room.SetUpAsync(("Fran Facilitator", Role.Facilitator, null), ("Dana North", Role.Delegate, "North"));
        var page = await room.OpenAsync(dialogue, "Fran Facilitator");
        await page.Context.AddInitScriptAsync(RecordViolations);
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.Contains("Refused to", StringComparison.Ordinal)))
                refusals.Add(message.Text);
        };

        var csp = (await page.GotoAsync(new Uri(room.Server.BaseAddress, "/").ToString()))!.Headers["content-security-policy"];
        Assert.Contains("frame-ancestors 'none'", csp);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertNoViolationAsync(page, "/", refusals);

        foreach (var path in new[] { "/dialogues/new", $"/dialogues/{dialogue.DialogueId}/setup", $"/dialogues/{dialogue.DialogueId}/projector" })
        {
            await page.GotoAsync(new Uri(room.Server.BaseAddress, path).ToString());
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForTimeoutAsync(500);
            await AssertNoViolationAsync(page, path, refusals);
        }

        await page.GotoAsync(new Uri(room.Server.BaseAddress, $"/dialogues/{dialogue.DialogueId}").ToString());
        await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = 60_000 });
        await AssertNoViolationAsync(page, "the room", refusals);

        // A POST from the page itself, as the setup page sends commands: same origin, so it is served.
        var answer = await page.EvaluateAsync<string>($$"""
            async () => {
                const r = await fetch('/api/dialogues/{{dialogue.DialogueId}}/commands', {
                    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'RaiseHand' }) });
                return r.status + ' ' + await r.text();
            }
            """);
        Assert.DoesNotContain("request.cross-origin", answer);
        Assert.StartsWith("200", answer);
    }

    private static async Task AssertNoViolationAsync(IPage page, string where, List<string> refusals)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__violations ?? []");
        Assert.True(violations.Length == 0 && refusals.Count == 0,
            $"{where}: {string.Join("; ", violations.Concat(refusals))}");
    }
}
