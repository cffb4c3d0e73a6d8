using System.Net;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Accounts;

/// <summary>
/// The interface language kept on an organiser account (docs/api.md, "Accounts"): she sets her own,
/// a new browser that signs in reads it, nobody sets another's, and a language we have no interface
/// in is refused with nothing changed.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AccountCultureTests(ServerFixture fixture)
{
    private const string Password = "a long enough passphrase";

    private ServerFactory Server => fixture.Server;

    [Fact]
    public async Task HerChoiceIsKeptOnTheAccountAndANewBrowserReadsIt()
    {
        using var account = await NewOrganiserAsync();
        var (laptop, email) = (account.Client, account.Email);
        Assert.Null((await laptop.GetJsonAsync("/api/account"))["culture"]?.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await SetCultureAsync(laptop, "zh-hans")).StatusCode);
        Assert.Equal("zh-Hans", (await laptop.GetJsonAsync("/api/account"))["culture"]!.GetValue<string>());

        // Another browser, signing in afresh, learns it from the sign-in answer and from the status.
        using var phone = Server.NewClient();
        var signedIn = await phone.PostOkAsync("/api/account/sign-in", new { email, password = Password });
        Assert.Equal("zh-Hans", signedIn["culture"]!.GetValue<string>());
        Assert.Equal("zh-Hans", (await phone.GetJsonAsync("/api/account"))["culture"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await SetCultureAsync(phone, "en")).StatusCode);
        Assert.Equal("en", (await laptop.GetJsonAsync("/api/account"))["culture"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("fr")]
    [InlineData("zh-CN")]
    [InlineData("")]
    [InlineData("zh-Hans-with-a-tail-longer-than-the-column")]
    public async Task ALanguageWithoutAnInterfaceIsRefusedAndNothingChanges(string culture)
    {
        using var account = await NewOrganiserAsync();
        var organiser = account.Client;
        await Expect.OkAsync(await SetCultureAsync(organiser, "zh-Hans"));

        await Expect.RefusedAsync(await SetCultureAsync(organiser, culture), HttpStatusCode.BadRequest, "culture.unsupported");

        Assert.Equal("zh-Hans", (await organiser.GetJsonAsync("/api/account"))["culture"]!.GetValue<string>());
    }

    [Fact]
    public async Task NobodySetsAnotherAccountsLanguage()
    {
        using var victimAccount = await NewOrganiserAsync();
        var (victim, victimEmail) = (victimAccount.Client, victimAccount.Email);
        await Expect.OkAsync(await SetCultureAsync(victim, "en"));
        using var attackerAccount = await NewOrganiserAsync();
        var attacker = attackerAccount.Client;

        // The request names no account; one that tries to name the victim's changes only the caller's own.
        var named = await attacker.Http.PutAsync("/api/account/culture",
            ApiClient.Json(new { culture = "zh-Hans", email = victimEmail, userName = victimEmail, id = victimEmail }));
        Assert.Equal(HttpStatusCode.NoContent, named.StatusCode);
        Assert.Equal("zh-Hans", (await attacker.GetJsonAsync("/api/account"))["culture"]!.GetValue<string>());

        // Without an account cookie: neither a stranger nor a delegate signed in with her invite.
        using var stranger = Server.NewClient();
        await Expect.RefusedAsync(await SetCultureAsync(stranger, "zh-Hans"), HttpStatusCode.Unauthorized, "auth.account-required");
        using var dialogue = await TestDialogue.CreateAsync(Server, ConfidentialityMode.Attributed, [new Dimension("Region", ["North"])],
            new Seat("Dana", Role.Delegate, ("Region", "North")));
        await Expect.RefusedAsync(await SetCultureAsync(dialogue["Dana"], "zh-Hans"), HttpStatusCode.Unauthorized, "auth.account-required");

        Assert.Equal("en", (await victim.GetJsonAsync("/api/account"))["culture"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> SetCultureAsync(ApiClient client, string culture) =>
        client.Http.PutAsync("/api/account/culture", ApiClient.Json(new { culture }));

    /// <summary>An account of its own per test: the shared test organiser's language is not this test's to change.</summary>
    private async Task<NewOrganiser> NewOrganiserAsync()
    {
        using var inviter = await Server.NewOrganiserClientAsync();
        var code = (await inviter.PostOkAsync("/api/account/invitations", new { }))["code"]!.GetValue<string>();
        var client = Server.NewClient();
        var email = $"organiser-{Guid.NewGuid():N}@example.test";
        await client.PostOkAsync("/api/account/register", new { invitationCode = code, email, displayName = "Polyglot", password = Password });
        return new NewOrganiser(client, email);
    }

    private sealed record NewOrganiser(ApiClient Client, string Email) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }
}
