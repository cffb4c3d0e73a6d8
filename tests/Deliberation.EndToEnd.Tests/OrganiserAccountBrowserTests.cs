using Deliberation.EndToEnd.Tests.Infrastructure;
using Deliberation.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// An organiser in chromium: the new-dialogue wizard sends her to sign in, she signs in with her
/// password, creates a dialogue and signs out, after which the wizard is closed to her again. The
/// account pages have no axe violations; a passkey made on a virtual authenticator signs her in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganiserAccountBrowserTests(BrowserRoom room)
{
    // After a full navigation the WebAssembly app boots again, slowly on a busy machine.
    private const float BootTimeout = 60_000;

    [Fact]
    public async Task AnOrganiserSignsInWithAPasswordCreatesADialogueAndSignsOut()
    {
        (await room.Server.NewOrganiserClientAsync()).Dispose(); // the account exists
        var page = await NewPageAsync(room.Server.BaseAddress);

        await page.GotoAsync(Url(room.Server.BaseAddress, "dialogues/new"));
        await Expect(page.GetByTestId("new-needs-account")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await page.GetByTestId("new-sign-in").ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in**");
        await page.GetByTestId("sign-in-email").FillAsync(TestOrganiser.Email, new() { Timeout = BootTimeout });
        await page.GetByTestId("sign-in-password").FillAsync(TestOrganiser.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();

        await page.WaitForURLAsync("**/dialogues/new", new() { Timeout = BootTimeout });
        await page.GetByTestId("new-title").FillAsync("Dialogue made in the browser");
        for (var step = 0; step < 4; step++)
            await page.GetByTestId("wizard-next").ClickAsync();
        // The convener's name comes from the account.
        await Expect(page.GetByTestId("new-convener")).ToHaveValueAsync(TestOrganiser.DisplayName);
        await page.GetByTestId("wizard-next").ClickAsync();
        await page.WaitForURLAsync("**/dialogues/*/setup", new() { Timeout = BootTimeout });

        await page.GotoAsync(Url(room.Server.BaseAddress, "account"));
        await Expect(page.GetByTestId("account-who")).ToContainTextAsync(TestOrganiser.Email, new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("account-sessions")).ToContainTextAsync("This browser");
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in");

        await page.GotoAsync(Url(room.Server.BaseAddress, "dialogues/new"));
        await Expect(page.GetByTestId("new-needs-account")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await page.GotoAsync(Url(room.Server.BaseAddress, "account"));
        await Expect(page.GetByTestId("account-signed-out")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
    }

    [Fact]
    public async Task TheAccountPagesHaveNoAxeViolations()
    {
        (await room.Server.NewOrganiserClientAsync()).Dispose();
        var page = await NewPageAsync(room.Server.BaseAddress);
        foreach (var (path, ready) in new[]
        {
            ("account/sign-in", "sign-in-submit"),
            ("account/setup", "account-submit"),
            ("account/register/an-invitation-code", "account-submit"),
            ("dialogues/new", "new-needs-account"),
            ("account", "account-signed-out"),
        })
        {
            await page.GotoAsync(Url(room.Server.BaseAddress, path));
            await Expect(page.GetByTestId(ready)).ToBeVisibleAsync(new() { Timeout = BootTimeout });
            await Axe.AssertNoViolationsAsync(page, path);
        }

        await SignInAsync(page, room.Server.BaseAddress);
        await page.GotoAsync(Url(room.Server.BaseAddress, "account"));
        await Expect(page.GetByTestId("account-sessions")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await page.GetByTestId("invite-organiser").ClickAsync();
        await Expect(page.GetByTestId("invitation-link")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "account (signed in)");
    }

    [Fact]
    public async Task TheDialogueListWizardSetupAndInvitePagesHaveNoWcagViolations()
    {
        (await room.Server.NewOrganiserClientAsync()).Dispose();
        var page = await NewPageAsync(room.Server.BaseAddress);
        await SignInAsync(page, room.Server.BaseAddress);

        await page.GotoAsync(Url(room.Server.BaseAddress, ""));
        await Expect(page.GetByTestId("new-dialogue")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Axe.AssertNoWcagViolationsAsync(page, "dialogues list");

        await page.GotoAsync(Url(room.Server.BaseAddress, "dialogues/new"));
        await page.GetByTestId("new-title").FillAsync("Axe check", new() { Timeout = BootTimeout });
        for (var step = 1; step <= 5; step++)
        {
            await Axe.AssertNoWcagViolationsAsync(page, $"new dialogue wizard, step {step}");
            await page.GetByTestId("wizard-next").ClickAsync();
        }

        await page.WaitForURLAsync("**/setup", new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("add-member-form")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Axe.AssertNoWcagViolationsAsync(page, "setup");
        await page.GetByTestId("member-name").FillAsync("Dana North");
        await page.GetByTestId("member-add").ClickAsync();
        await Expect(page.GetByTestId("invite-issued")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        // The "added" snackbar fades in and out; axe measures its contrast mid-animation, so it is checked without it.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Axe.AssertNoWcagViolationsAsync(page, "setup (invite issued)");
        var link = await page.GetByTestId("invite-link").InputValueAsync();

        // Roster by file: a refused file lists its bad rows in a table; a good one adds everyone.
        await page.GetByTestId("roster-file").SetInputFilesAsync(new FilePayload
        {
            Name = "roster.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("name,role\nBo Bad,king\n,delegate\n"),
        });
        await Expect(page.GetByTestId("roster-problem")).ToHaveCountAsync(2, new() { Timeout = BootTimeout });
        await Axe.AssertNoWcagViolationsAsync(page, "setup (roster problems)");
        await page.GetByTestId("roster-file").SetInputFilesAsync(new FilePayload
        {
            Name = "roster.csv", MimeType = "text/csv", Buffer = [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes("name,affiliation,role\n张伟,清华大学,delegate\nAma Mensah,,observer\n")],
        });
        await Expect(page.GetByTestId("roster")).ToContainTextAsync("张伟", new() { Timeout = BootTimeout });

        // Every invite at once: two new members get links, shown as cards with QR codes.
        await page.GetByTestId("issue-everyone").ClickAsync();
        await Expect(page.GetByTestId("invite-card")).ToHaveCountAsync(2, new() { Timeout = BootTimeout });
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Axe.AssertNoWcagViolationsAsync(page, "setup (invite cards)");

        var invited = await (await room.Browser.NewContextAsync()).NewPageAsync();
        await invited.GotoAsync(link);
        await Expect(invited.GetByTestId("invite-join")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Axe.AssertNoWcagViolationsAsync(invited, "invite join");
    }

    [Fact]
    public async Task APasskeyMadeOnAVirtualAuthenticatorSignsTheOrganiserIn()
    {
        (await room.Server.NewOrganiserClientAsync()).Dispose();
        // WebAuthn refuses an IP address as the relying party: the browser uses the name localhost.
        var site = new UriBuilder(room.Server.BaseAddress) { Host = "localhost" }.Uri;
        var page = await NewPageAsync(site);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await SignInAsync(page, site);
        await page.GotoAsync(Url(site, "account"));
        await page.GetByTestId("add-passkey").ClickAsync(new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("account-notice")).ToContainTextAsync("Passkey added", new() { Timeout = 15_000 });
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in");

        await page.GetByTestId("sign-in-passkey").ClickAsync(new() { Timeout = BootTimeout });
        await page.WaitForURLAsync("**/account", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("account-who")).ToContainTextAsync(TestOrganiser.Email, new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("account-sessions")).ToContainTextAsync("passkey");
    }

    private async Task<IPage> NewPageAsync(Uri site)
    {
        var context = await room.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = site.ToString(),
        });
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page, Uri site)
    {
        await page.GotoAsync(Url(site, "account/sign-in"));
        await page.GetByTestId("sign-in-email").FillAsync(TestOrganiser.Email, new() { Timeout = BootTimeout });
        await page.GetByTestId("sign-in-password").FillAsync(TestOrganiser.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForURLAsync("**/account", new() { Timeout = BootTimeout });
    }

    private static string Url(Uri site, string path) => new Uri(site, path).ToString();
}
