using System.Net;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Deliberation.Server.Tests.Accounts;

/// <summary>
/// Organiser accounts as an attacker tries them (docs/security.md): creating dialogues and
/// importing without an account, passwords guessed, a session's cookie kept after it was ended,
/// an organiser invitation used twice.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class OrganiserAccountAttackTests(ServerFixture fixture)
{
    private const string Password = "a long enough passphrase";

    private ServerFactory Server => fixture.Server;

    private static object NewDialogue => new
    {
        title = "Attacker's dialogue",
        dimensions = new[] { new Dimension("Region", ["North", "South"]) },
        convenerName = "Mallory",
    };

    [Fact]
    public async Task WithoutAnAccountNobodyCreatesADialogueAndNothingIsStored()
    {
        using var anonymous = Server.NewClient();
        // A delegate signed in with her invite is a participant, not an organiser.
        using var dialogue = await TestDialogue.CreateAsync(Server, ConfidentialityMode.Attributed, [new Dimension("Region", ["North"])],
            new Seat("Dana", Role.Delegate, ("Region", "North")));
        var before = await StoreCounts.OfAsync(Server);

        await Expect.RefusedAsync(await anonymous.PostAsync("/api/dialogues", NewDialogue), HttpStatusCode.Unauthorized, "auth.account-required");
        await Expect.RefusedAsync(await dialogue["Dana"].PostAsync("/api/dialogues", NewDialogue), HttpStatusCode.Unauthorized, "auth.account-required");

        Assert.Equal(before, await StoreCounts.OfAsync(Server));
        // Nor does the refusal sign anyone in as a convener.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task WithoutAnAccountNobodyImportsAndNothingIsStored()
    {
        using var anonymous = Server.NewClient();
        var before = await StoreCounts.OfAsync(Server);

        var response = await anonymous.Http.PostAsync("/api/imports/polis", PolisUpload.Of(
            PolisUpload.Utf8("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,0,1,0,1,First\n"),
            PolisUpload.Utf8("participant,group-id,0\n0,0,1\n")));

        await Expect.RefusedAsync(response, HttpStatusCode.Unauthorized, "auth.account-required");
        Assert.Equal(before, await StoreCounts.OfAsync(Server));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordSignsNobodyIn()
    {
        await (await Server.NewOrganiserClientAsync()).Http.GetAsync("/api/account"); // the account exists
        using var guesser = Server.NewClient();

        await Expect.RefusedAsync(await guesser.PostAsync("/api/account/sign-in", new { email = TestOrganiser.Email, password = "correct horse battery stapler" }),
            HttpStatusCode.Unauthorized, "account.sign-in-failed");
        // An unknown address answers exactly as a wrong password does.
        await Expect.RefusedAsync(await guesser.PostAsync("/api/account/sign-in", new { email = "nobody@example.test", password = TestOrganiser.Password }),
            HttpStatusCode.Unauthorized, "account.sign-in-failed");

        Assert.False((await guesser.GetJsonAsync("/api/account"))["signedIn"]!.GetValue<bool>());
        await Expect.RefusedAsync(await guesser.PostAsync("/api/dialogues", NewDialogue), HttpStatusCode.Unauthorized, "auth.account-required");
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountOut()
    {
        using var owner = await RegisterNewOrganiserAsync();
        var email = owner.Email;
        using var guesser = Server.NewClient();
        for (var i = 0; i < 5; i++)
            await Expect.RefusedAsync(await guesser.PostAsync("/api/account/sign-in", new { email, password = $"guess number {i} of many" }),
                HttpStatusCode.Unauthorized, "account.sign-in-failed");

        // Now even the right password is refused for a while: guessing costs minutes, not milliseconds.
        await Expect.RefusedAsync(await guesser.PostAsync("/api/account/sign-in", new { email, password = Password }),
            HttpStatusCode.Unauthorized, "account.sign-in-failed");
    }

    [Fact]
    public async Task AnEndedSessionsCookieIsRefusedAtOnce()
    {
        using var laptop = await Server.NewOrganiserClientAsync();
        using var stolen = RawClient();
        var cookie = await SignInForCookieAsync(stolen);
        var stolenSession = (await Expect.OkAsync(await SendWithCookieAsync(stolen, HttpMethod.Get, "/api/account/sessions", cookie)))
            .AsArray().Single(s => s!["current"]!.GetValue<bool>())!["id"]!.GetValue<Guid>();

        // The holder sees that session in her own list and ends it.
        var sessions = (await laptop.GetJsonAsync("/api/account/sessions")).AsArray();
        Assert.Single(sessions, s => s!["current"]!.GetValue<bool>());
        Assert.Contains(sessions, s => s!["id"]!.GetValue<Guid>() == stolenSession && !s["current"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, (await laptop.Http.DeleteAsync($"/api/account/sessions/{stolenSession}")).StatusCode);

        // The very next request with that cookie is refused: the cookie's own expiry does not matter.
        await Expect.RefusedAsync(await SendWithCookieAsync(stolen, HttpMethod.Get, "/api/account/sessions", cookie),
            HttpStatusCode.Unauthorized, "auth.account-required");
        var before = await StoreCounts.OfAsync(Server);
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/dialogues") { Content = ApiClient.Json(NewDialogue) };
        create.Headers.Add("Cookie", cookie);
        await Expect.RefusedAsync(await stolen.Http.SendAsync(create), HttpStatusCode.Unauthorized, "auth.account-required");
        Assert.Equal(before, await StoreCounts.OfAsync(Server));
        // The holder's own session goes on.
        Assert.True((await laptop.GetJsonAsync("/api/account"))["signedIn"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ASignedOutCookieReplayedIsRefused()
    {
        using var browser = RawClient();
        var cookie = await SignInForCookieAsync(browser);
        Assert.Equal(HttpStatusCode.NoContent, (await SendWithCookieAsync(browser, HttpMethod.Post, "/api/account/sign-out", cookie)).StatusCode);

        await Expect.RefusedAsync(await SendWithCookieAsync(browser, HttpMethod.Get, "/api/account/sessions", cookie),
            HttpStatusCode.Unauthorized, "auth.account-required");
    }

    [Fact]
    public async Task NobodyEndsAnotherAccountsSession()
    {
        using var victim = RawClient();
        var cookie = await SignInForCookieAsync(victim);
        var victimSession = (await Expect.OkAsync(await SendWithCookieAsync(victim, HttpMethod.Get, "/api/account/sessions", cookie)))
            .AsArray().Single(s => s!["current"]!.GetValue<bool>())!["id"]!.GetValue<Guid>();
        using var other = await RegisterNewOrganiserAsync();

        await Expect.RefusedAsync(await other.Client.Http.DeleteAsync($"/api/account/sessions/{victimSession}"),
            HttpStatusCode.NotFound, "account.session-not-found");
        Assert.Equal(HttpStatusCode.OK, (await SendWithCookieAsync(victim, HttpMethod.Get, "/api/account/sessions", cookie)).StatusCode);
    }

    [Fact]
    public async Task AnOrganiserInvitationCreatesOneAccountOnly()
    {
        using var inviter = await Server.NewOrganiserClientAsync();
        var invitation = await inviter.PostOkAsync("/api/account/invitations", new { });
        var code = invitation["code"]!.GetValue<string>();
        Assert.True(code.Length >= 43, "An invitation code carries 256 random bits.");
        Assert.EndsWith($"/account/register/{code}", invitation["link"]!.GetValue<string>());

        using var first = Server.NewClient();
        var registered = await first.PostOkAsync("/api/account/register", new { invitationCode = code, email = NewEmail(), displayName = "Bea", password = Password });
        Assert.True(registered["signedIn"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Created, (await first.PostAsync("/api/dialogues", NewDialogue)).StatusCode);

        using var second = Server.NewClient();
        var email = NewEmail();
        await Expect.RefusedAsync(await second.PostAsync("/api/account/register", new { invitationCode = code, email, displayName = "Eve", password = Password }),
            HttpStatusCode.BadRequest, "account.invitation-invalid");
        await Expect.RefusedAsync(await second.PostAsync("/api/account/sign-in", new { email, password = Password }),
            HttpStatusCode.Unauthorized, "account.sign-in-failed");
        // Nor may anyone without an account invite organisers, nor use a made-up code.
        await Expect.RefusedAsync(await second.PostAsync("/api/account/invitations", new { }), HttpStatusCode.Unauthorized, "auth.account-required");
        await Expect.RefusedAsync(await second.PostAsync("/api/account/register", new { invitationCode = "abc", email, displayName = "Eve", password = Password }),
            HttpStatusCode.BadRequest, "account.invitation-invalid");
    }

    [Fact]
    public async Task AWeakPasswordDoesNotUseTheInvitationUp()
    {
        using var inviter = await Server.NewOrganiserClientAsync();
        var code = (await inviter.PostOkAsync("/api/account/invitations", new { }))["code"]!.GetValue<string>();
        using var invitee = Server.NewClient();

        await Expect.RefusedAsync(await invitee.PostAsync("/api/account/register", new { invitationCode = code, email = NewEmail(), displayName = "Bea", password = "short" }),
            HttpStatusCode.BadRequest, "account.password-weak");
        await invitee.PostOkAsync("/api/account/register", new { invitationCode = code, email = NewEmail(), displayName = "Bea", password = Password });
    }

    [Fact]
    public async Task TheCreatorConvenesHerDialogueAndReentersItFromAnotherBrowser()
    {
        using var laptop = await Server.NewOrganiserClientAsync();
        var created = await laptop.PostOkAsync("/api/dialogues", NewDialogue);
        var id = created["id"]!.GetValue<Guid>();
        var convenerId = created["convenerId"]!.GetValue<Guid>();

        using var phone = await Server.NewOrganiserClientAsync();
        Assert.Contains((await phone.GetJsonAsync("/api/dialogues")).AsArray(), d => d!["id"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync($"/api/dialogues/{id}")).StatusCode);
        var entered = await phone.PostOkAsync($"/api/account/dialogues/{id}/enter", new { });
        Assert.Equal(convenerId, entered["participantId"]!.GetValue<Guid>());
        Assert.Equal("Convener", (await phone.GetJsonAsync($"/api/dialogues/{id}"))["you"]!["role"]!.GetValue<string>());

        // Another account cannot enter it.
        using var other = await RegisterNewOrganiserAsync();
        await Expect.RefusedAsync(await other.Client.PostAsync($"/api/account/dialogues/{id}/enter", new { }),
            HttpStatusCode.NotFound, "account.dialogue-not-found");
    }

    [Fact]
    public async Task PasskeyOptionsAnswerAndAForgedCredentialIsRefused()
    {
        using var anonymous = Server.NewClient();
        var request = await anonymous.PostOkAsync("/api/account/passkeys/request-options", new { });
        Assert.False(string.IsNullOrEmpty(request["challenge"]?.GetValue<string>()), request.ToJsonString());
        await Expect.RefusedAsync(await anonymous.PostAsync("/api/account/passkeys/creation-options", new { }),
            HttpStatusCode.Unauthorized, "auth.account-required");
        await Expect.RefusedAsync(await anonymous.PostAsync("/api/account/passkeys/sign-in", new { credentialJson = "{\"id\":\"AAAA\",\"type\":\"public-key\"}" }),
            HttpStatusCode.BadRequest, "passkey.assertion-failed");
        Assert.False((await anonymous.GetJsonAsync("/api/account"))["signedIn"]!.GetValue<bool>());

        using var organiser = await Server.NewOrganiserClientAsync();
        var creation = await organiser.PostOkAsync("/api/account/passkeys/creation-options", new { });
        Assert.False(string.IsNullOrEmpty(creation["challenge"]?.GetValue<string>()), creation.ToJsonString());
        Assert.Equal(TestOrganiser.Email, creation["user"]!["name"]!.GetValue<string>());
        await Expect.RefusedAsync(await organiser.PostAsync("/api/account/passkeys", new { credentialJson = "{}" }),
            HttpStatusCode.BadRequest, "passkey.attestation-failed");
    }

    private sealed record NewOrganiser(ApiClient Client, string Email) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private async Task<NewOrganiser> RegisterNewOrganiserAsync()
    {
        using var inviter = await Server.NewOrganiserClientAsync();
        var code = (await inviter.PostOkAsync("/api/account/invitations", new { }))["code"]!.GetValue<string>();
        var client = Server.NewClient();
        var email = NewEmail();
        await client.PostOkAsync("/api/account/register", new { invitationCode = code, email, displayName = "Other organiser", password = Password });
        return new NewOrganiser(client, email);
    }

    private static string NewEmail() => $"organiser-{Guid.NewGuid():N}@example.test";

    /// <summary>A client that keeps no cookies: the test holds the cookie, as a thief who copied it would.</summary>
    private ApiClient RawClient() =>
        new(Server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false }));

    private async Task<string> SignInForCookieAsync(ApiClient client)
    {
        (await Server.NewOrganiserClientAsync()).Dispose(); // makes sure the account exists
        var response = await client.PostAsync("/api/account/sign-in", new { email = TestOrganiser.Email, password = TestOrganiser.Password });
        await Expect.OkAsync(response);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deliberation-account=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static Task<HttpResponseMessage> SendWithCookieAsync(ApiClient client, HttpMethod method, string url, string cookie)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        return client.Http.SendAsync(request);
    }
}
