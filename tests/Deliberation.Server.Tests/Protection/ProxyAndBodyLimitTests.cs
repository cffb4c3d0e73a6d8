using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Deliberation.Server.Protection;
using static Deliberation.Server.Tests.Protection.BrowserProtectionTests;
using GeneratedCsv = Deliberation.Server.Tests.Protection.UploadLimitTests.GeneratedCsv;
using PolisUpload = Deliberation.Server.Tests.Infrastructure.PolisUpload;

namespace Deliberation.Server.Tests.Protection;

/// <summary>
/// docs/security.md, on servers of their own: behind an HTTPS proxy the cookie is Secure; bodies over
/// the request's limit are refused by their declared length, or cut off when chunked.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class ProxyAndBodyLimitTests
{
    [Fact]
    public async Task BehindAnHttpsProxyTheCookieIsSecureAndTheClientsAddressCounts()
    {
        // The proxy is on this machine (loopback, trusted by default) and says the browser used HTTPS.
        await using var server = new AddressedServer();
        using var convener = await server.ClientAt("127.0.0.1").SignInAsOrganiserAsync();
        convener.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        convener.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var created = await convener.Http.PostAsync("/api/dialogues", ApiClient.Json(new { title = "Behind a proxy", convenerName = "Ada" }));

        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var cookie = Assert.Single(created.Headers.GetValues("Set-Cookie"), c => c.StartsWith("deliberation=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", Header(created, "Strict-Transport-Security"));

        // An address that is no proxy of ours cannot claim HTTPS (nor another client's address).
        using var direct = await server.ClientAt("198.51.100.9").SignInAsOrganiserAsync();
        direct.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var plain = await direct.Http.PostAsync("/api/dialogues", ApiClient.Json(new { title = "Direct", convenerName = "Bo" }));
        Assert.True(plain.IsSuccessStatusCode, await plain.Content.ReadAsStringAsync());
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deliberation=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AChunkedBodyIsCutOffAtTheRequestLimit()
    {
        // Files of up to 1 MiB, requests of up to 2 MiB: three files of 900 KiB pass each file's limit, not the request's.
        await using var server = new AddressedServer(("Imports:MaxFileBytes", "1048576"), ("Imports:MaxRequestBytes", "2097152"));
        using var client = await server.ClientAt("10.0.4.1").SignInAsOrganiserAsync();
        var before = await server.EventCountAsync();
        var form = PolisUpload.Of(new GeneratedCsv(900 * 1024), new GeneratedCsv(900 * 1024), new GeneratedCsv(900 * 1024));
        form.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports/polis") { Content = form };
        request.Headers.TransferEncodingChunked = true;

        await Expect.RefusedAsync(await client.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, RequestSizeLimit.Rule);
        Assert.Equal(before, await server.EventCountAsync());
    }

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead()
    {
        await using var server = new AddressedServer(("Imports:MaxFileBytes", "1048576"), ("Imports:MaxRequestBytes", "2097152"));
        using var client = server.ClientAt("10.0.4.2");
        var body = new GeneratedCsv(3L * 1024 * 1024);
        var content = new StreamContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        content.Headers.ContentLength = body.Length;

        await Expect.RefusedAsync(await client.Http.PostAsync("/api/imports/polis", content), HttpStatusCode.RequestEntityTooLarge, RequestSizeLimit.Rule);
        Assert.True(body.Position < 1024 * 1024, $"the server read {body.Position} bytes of a body it refused by its length");
        // Any other endpoint: 1 MiB unless it says otherwise.
        var big = new StringContent(new string(' ', (1024 * 1024) + 1), Encoding.UTF8, "application/json");
        await Expect.RefusedAsync(await client.Http.PostAsync("/api/dialogues", big), HttpStatusCode.RequestEntityTooLarge, RequestSizeLimit.Rule);
    }
}
