using Deliberation.EndToEnd.Tests.Infrastructure;
using Deliberation.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// The interface language kept on an organiser account (issue 13): she picks 中文 on her laptop,
/// and a browser that never saw her choose — its own language English — opens in Chinese as soon
/// as she signs in there, because the account's choice wins over the browser's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountLanguageBrowserTests(BrowserRoom room)
{
    // After a full navigation the WebAssembly app boots again, slowly on a busy machine.
    private const float BootTimeout = 60_000;
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task ChineseChosenOnOneBrowserOpensEveryOtherBrowserSheSignsInOnInChinese()
    {
        var email = await NewAccountAsync();
        var laptop = await NewPageAsync();
        await SignInAsync(laptop, email);
        await Expect(laptop.Locator("html")).ToHaveAttributeAsync("lang", "en", new() { Timeout = BootTimeout });

        await laptop.GetByTestId("interface-language").SelectOptionAsync("zh-Hans", new() { Timeout = BootTimeout });
        await Expect(laptop.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans", new() { Timeout = BootTimeout });

        // A fresh browser context: no stored choice, an English browser, signed out, so English at first.
        var phone = await NewPageAsync();
        await phone.GotoAsync(Url("account/sign-in"));
        await Expect(phone.GetByTestId("sign-in-email")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(phone.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Link, new() { Name = "New dialogue" })).ToBeVisibleAsync();

        await SignInAsync(phone, email);

        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans", new() { Timeout = BootTimeout });
        await Expect(phone.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Link, new() { Name = "新建对话" })).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Expect(phone.GetByTestId("interface-language")).ToHaveValueAsync("zh-Hans");
        await Axe.AssertNoWcagViolationsAsync(phone, "account page after signing in on a new browser");

        // And it stays after a reload, as any stored choice does.
        await phone.ReloadAsync();
        await Expect(phone.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Link, new() { Name = "新建对话" })).ToBeVisibleAsync(new() { Timeout = BootTimeout });
    }

    /// <summary>An account of the test's own: the shared test organiser's language is every other test's too.</summary>
    private async Task<string> NewAccountAsync()
    {
        using var inviter = await room.Server.NewOrganiserClientAsync();
        var code = (await inviter.PostOkAsync("/api/account/invitations", new { }))["code"]!.GetValue<string>();
        using var registrar = room.Server.NewClient();
        var email = $"polyglot-{Guid.NewGuid():N}@example.test";
        await registrar.PostOkAsync("/api/account/register", new { invitationCode = code, email, displayName = "Polyglot", password = Password });
        return email;
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await room.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = room.Server.BaseAddress.ToString(),
            Locale = "en-US",
        });
        return await context.NewPageAsync();
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(Url("account/sign-in"));
        await page.GetByTestId("sign-in-email").FillAsync(email, new() { Timeout = BootTimeout });
        await page.GetByTestId("sign-in-password").FillAsync(Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForURLAsync("**/account", new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("account-sessions")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
    }

    private string Url(string path) => new Uri(room.Server.BaseAddress, path).ToString();
}
