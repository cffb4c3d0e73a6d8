using Deliberation.EndToEnd.Tests.Infrastructure;
using Deliberation.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// Issue 10: an organiser in chromium picks a real Pol.is export (shared/data/polis, beside the repository),
/// uploads it from the dialogue list's "Import from Pol.is", follows the job's progress bar to its end and opens
/// the new dialogue; a broken export says nothing was imported and what to do. No axe violations on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PolisImportBrowserTests(BrowserRoom room)
{
    private const float BootTimeout = 60_000;

    [Fact]
    public async Task AnOrganiserUploadsAPolisExportFollowsTheProgressAndOpensTheDialogue()
    {
        (await room.Server.NewOrganiserClientAsync()).Dispose();
        var page = await NewSignedInPageAsync();

        await page.GotoAsync(Url(""));
        await page.GetByTestId("import-polis").ClickAsync(new() { Timeout = BootTimeout });
        await page.WaitForURLAsync("**/imports/polis");
        await Expect(page.GetByTestId("import-form")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Axe.AssertNoViolationsAsync(page, "import page");

        await page.GetByTestId("import-title").FillAsync("vTaiwan: UberX (imported in the browser)");
        await page.GetByTestId("import-file-comments").SetInputFilesAsync(Export("vtaiwan.uberx", "comments.csv"));
        await page.GetByTestId("import-file-participants-votes").SetInputFilesAsync(Export("vtaiwan.uberx", "participants-votes.csv"));
        await page.GetByTestId("import-file-votes").SetInputFilesAsync(Export("vtaiwan.uberx", "votes.csv"));
        await page.GetByTestId("import-start").ClickAsync();

        // The 202 already shows the job; the page asks after it twice a second, so the bar is there for a moment at least.
        var bar = page.Locator("[role=progressbar][aria-label='Import progress']");
        await Expect(bar).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        Assert.NotNull(await bar.GetAttributeAsync("aria-valuenow"));
        await Axe.AssertNoViolationsAsync(page, "import running");
        // For the picture, a bar that has moved, if the import is still running once it has.
        try
        {
            await Expect(bar).Not.ToHaveAttributeAsync("aria-valuenow", "0", new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            // Finished between two polls: the bar is gone and the picture shows the result instead.
        }
        await Screenshots.TakeAsync(page, "import-progress.png");

        await Expect(page.GetByTestId("import-open-dialogue")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("import-done")).ToContainTextAsync("1,921 participants with 49,443 positions on 197 clauses");
        await Axe.AssertNoViolationsAsync(page, "import done");
        await Screenshots.TakeAsync(page, "import-done.png");

        await page.GetByTestId("import-open-dialogue").ClickAsync();
        await page.WaitForURLAsync("**/dialogues/*", new() { Timeout = BootTimeout });
        await Expect(page.GetByText("vTaiwan: UberX (imported in the browser)").First).ToBeVisibleAsync(new() { Timeout = BootTimeout });
    }

    [Fact]
    public async Task ABrokenExportSaysNothingWasImportedAndWhatToFix()
    {
        (await room.Server.NewOrganiserClientAsync()).Dispose();
        var page = await NewSignedInPageAsync();
        await page.GotoAsync(Url("imports/polis"));
        await Expect(page.GetByTestId("import-form")).ToBeVisibleAsync(new() { Timeout = BootTimeout });

        await page.GetByTestId("import-file-comments").SetInputFilesAsync(Export("15-per-hour-seattle", "comments.csv"));
        // A participant's vote on a comment the comments file does not have.
        await page.GetByTestId("import-file-participants-votes").SetInputFilesAsync(new FilePayload
        {
            Name = "participants-votes.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("participant,group-id,99999\n0,0,1\n"),
        });
        await page.GetByTestId("import-start").ClickAsync();

        await Expect(page.GetByTestId("import-problem")).ToContainTextAsync("Nothing was imported.", new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("import-problem")).ToContainTextAsync("99999");
        await Axe.AssertNoViolationsAsync(page, "import refused");
    }

    private static FilePayload Export(string conversation, string file) => new()
    {
        Name = file, MimeType = "text/csv", Buffer = File.ReadAllBytes(Path.Combine(PolisFolder(conversation), file)),
    };

    /// <summary>The real exports sit in shared/data/polis, a sibling of the repository root.</summary>
    private static string PolisFolder(string conversation)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "polis", conversation);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"shared/data/polis/{conversation} was not found above {AppContext.BaseDirectory}.");
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
