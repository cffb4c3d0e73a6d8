using System.Net;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Accounts;

/// <summary>
/// The one-time setup code on a server of its own (the shared one's first account is made by
/// whichever test signs in first): it creates the first account once, and nothing after that.
/// </summary>
[Collection(ServerCollection.Name)] // one more server at a time, not beside the shared one
public sealed class FirstAccountSetupTests
{
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task TheSetupCodeCreatesTheFirstAccountOnceOnly()
    {
        await using var server = new ServerFactory();
        using var guesser = server.NewClient();
        Assert.True((await guesser.GetJsonAsync("/api/account"))["setupNeeded"]!.GetValue<bool>());

        await Expect.RefusedAsync(await guesser.PostAsync("/api/account/setup", new { setupCode = "guess", email = "eve@example.test", displayName = "Eve", password = Password }),
            HttpStatusCode.BadRequest, "account.setup-code-invalid");
        // A weak password is refused before the code is claimed, so the code still works after it.
        using var owner = server.NewClient();
        await Expect.RefusedAsync(await owner.PostAsync("/api/account/setup", new { setupCode = TestOrganiser.SetupCode, email = "ada@example.test", displayName = "Ada", password = "short" }),
            HttpStatusCode.BadRequest, "account.password-weak");
        var created = await owner.PostOkAsync("/api/account/setup", new { setupCode = TestOrganiser.SetupCode, email = "ada@example.test", displayName = "Ada", password = Password });
        Assert.True(created["signedIn"]!.GetValue<bool>());
        Assert.False((await owner.GetJsonAsync("/api/account"))["setupNeeded"]!.GetValue<bool>());

        // The same code again, by someone who read it off the console: refused, no second account.
        using var late = server.NewClient();
        await Expect.RefusedAsync(await late.PostAsync("/api/account/setup", new { setupCode = TestOrganiser.SetupCode, email = "eve@example.test", displayName = "Eve", password = Password }),
            HttpStatusCode.BadRequest, "account.setup-code-invalid");
        await Expect.RefusedAsync(await late.PostAsync("/api/account/sign-in", new { email = "eve@example.test", password = Password }),
            HttpStatusCode.Unauthorized, "account.sign-in-failed");
        Assert.False((await late.GetJsonAsync("/api/account"))["signedIn"]!.GetValue<bool>());

        // The account made with it is an organiser: it creates a dialogue and convenes it.
        var dialogue = await owner.PostAsync("/api/dialogues", new { title = "First", dimensions = new[] { new { name = "Region", groups = new[] { "North" } } } });
        Assert.Equal(HttpStatusCode.Created, dialogue.StatusCode);
        Assert.Equal("Ada", (await owner.GetJsonAsync("/api/me"))["displayName"]!.GetValue<string>());
    }
}
