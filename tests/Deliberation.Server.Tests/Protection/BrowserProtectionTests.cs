using System.Net;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Protection;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests.Protection;

/// <summary>
/// docs/security.md, Browsers: another site cannot act with a member's cookie nor give her its own
/// (login CSRF); every answer carries the security headers; behind an HTTPS proxy the cookie is Secure.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BrowserProtectionTests(ServerFixture fixture)
{
    private const string Foreign = "https://attacker.example";

    private ServerFactory Server => fixture.Server;

    [Theory]
    [InlineData("Origin", Foreign)]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Referer", Foreign + "/page")]
    public async Task AJsonPostFromAnotherSiteWithAMembersCookieIsRefused(string header, string value)
    {
        using var dialogue = await CreateAsync(Server);
        var before = await StoreCounts.OfAsync(Server);

        var request = new HttpRequestMessage(HttpMethod.Post, $"{dialogue.Url}/commands") { Content = ApiClient.Json<DialogueCommand>(new RaiseHand()) };
        request.Headers.TryAddWithoutValidation(header, value);
        await Expect.RefusedAsync(await dialogue["N1"].Http.SendAsync(request), HttpStatusCode.Forbidden, SameOriginCheck.Rule);

        Assert.Equal(before, await StoreCounts.OfAsync(Server));
    }

    [Fact]
    public async Task TheSameOriginAndClientsThatAreNoBrowserAreServed()
    {
        using var dialogue = await CreateAsync(Server);
        var own = Server.Server.BaseAddress.GetLeftPart(UriPartial.Authority);

        var sameOrigin = new HttpRequestMessage(HttpMethod.Post, $"{dialogue.Url}/commands") { Content = ApiClient.Json<DialogueCommand>(new RaiseHand()) };
        sameOrigin.Headers.Add("Origin", own);
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        await Expect.AcceptedAsync(await dialogue["N1"].Http.SendAsync(sameOrigin));
        // No Origin, no Sec-Fetch-Site: a script with the cookie, as every other test here is.
        await Expect.AcceptedAsync(await dialogue["N2"].CommandAsync(dialogue.Id, new RaiseHand()));
    }

    [Fact]
    public async Task AnotherSiteCannotRedeemAnInviteOrImportInTheVisitorsBrowser()
    {
        using var dialogue = await CreateAsync(Server);
        var code = (await dialogue.Convener.PostOkAsync($"{dialogue.Url}/members", new { displayName = "Victim", role = Role.Delegate }))["code"]!.GetValue<string>();
        using var visitor = Server.NewClient();
        var before = await StoreCounts.OfAsync(Server);

        var redeem = new HttpRequestMessage(HttpMethod.Post, $"/api/invites/{code}/redeem");
        redeem.Headers.Add("Origin", Foreign);
        var refused = await visitor.Http.SendAsync(redeem);
        await Expect.RefusedAsync(refused, HttpStatusCode.Forbidden, SameOriginCheck.Rule);
        Assert.False(refused.Headers.Contains("Set-Cookie"), "no session is given to a cross-site request");

        var import = new HttpRequestMessage(HttpMethod.Post, "/api/imports/polis")
        {
            Content = PolisUpload.Of("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,0,1,0,1,First\n", "participant,group-id,0\n0,0,1\n"),
        };
        import.Headers.Add("Sec-Fetch-Site", "cross-site");
        await Expect.RefusedAsync(await visitor.Http.SendAsync(import), HttpStatusCode.Forbidden, SameOriginCheck.Rule);

        Assert.Equal(before, await StoreCounts.OfAsync(Server));
        await Expect.RefusedAsync(await visitor.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.required");
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/dialogues/new")]
    [InlineData("GET", "/health")]
    [InlineData("GET", "/api/me")]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("POST", "/api/dialogues")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string method, string path)
    {
        using var client = Server.NewClient();
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        var response = await client.Http.SendAsync(request);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} answered without {name}");
}
