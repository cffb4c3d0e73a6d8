using System.Net;
using System.Text;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Contracts.Http;
using Deliberation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Client.Tests;

/// <summary>Issue 11, every invite link at once: the links come once, as a CSV download and as printable cards with a QR code each.</summary>
public sealed class InvitesForEveryoneTests : ComponentTest
{
    private const string Png = "data:image/png;base64,iVBORw0KGgo=";

    private static readonly PersonInvite[] Two =
    [
        new(Guid.NewGuid(), "张伟", "清华大学", Role.Delegate, "https://example.test/invite/abc", DateTimeOffset.Parse("2026-12-09T10:00:00Z"), Png),
        new(Guid.NewGuid(), "Ada Lovelace", null, Role.Rapporteur, "https://example.test/invite/def", DateTimeOffset.Parse("2026-12-09T10:00:00Z"), Png),
    ];

    [Fact]
    public void EachCardHasNameRoleQrCodeAndLink()
    {
        var cut = Render<InviteCards>(p => p.Add(x => x.Invites, Two).Add(x => x.Title, "Track 2 on AI"));

        var cards = cut.FindAll("[data-testid='invite-card']");
        Assert.Equal(2, cards.Count);
        Assert.Contains("张伟", cards[0].TextContent);
        Assert.Contains("Delegate · 清华大学", cards[0].TextContent);
        Assert.Contains("Track 2 on AI", cards[0].TextContent);
        Assert.Equal(Png, cards[0].QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("QR code of 张伟's invite link", cards[0].QuerySelector("img")!.GetAttribute("alt"));
        Assert.Contains("https://example.test/invite/def", cards[1].TextContent);
    }

    [Fact]
    public void IssuingShowsTheLinksOnceAsCsvAndCardsWithAWarning()
    {
        var csv = "name,affiliation,role,link,expires\r\n张伟,清华大学,delegate,https://example.test/invite/abc,2026-12-09 10:00 UTC\r\n";
        var answer = System.Text.Json.JsonSerializer.Serialize(new IssuedInvites(Two, 0, csv), Deliberation.Contracts.Json.WireJson.Options);
        var handler = new Answering(answer);
        Services.AddSingleton(new DeliberationApi(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }));
        var reloaded = false;
        var cut = Render<InvitesForEveryone>(p => p
            .Add(x => x.DialogueId, Guid.NewGuid())
            .Add(x => x.Title, "Track 2 on AI")
            .Add(x => x.OnIssued, () => reloaded = true));
        Assert.Empty(cut.FindAll("[data-testid='invite-card']"));

        cut.Find("[data-testid='issue-everyone']").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid='invite-card']").Count));
        Assert.True(reloaded);
        Assert.Equal("{\"reissueAll\":false}", handler.Body);
        Assert.Contains("shown only now", cut.Find("[data-testid='links-shown-once']").TextContent);
        Assert.Contains("2 invites issued", cut.Find("[data-testid='issue-everyone-status']").TextContent);
        var download = cut.Find("[data-testid='invites-csv']");
        Assert.Equal("invites.csv", download.GetAttribute("download"));
        var href = download.GetAttribute("href")!;
        Assert.StartsWith("data:text/csv;charset=utf-8,", href, StringComparison.Ordinal);
        Assert.Equal("\uFEFF" + csv, Uri.UnescapeDataString(href["data:text/csv;charset=utf-8,".Length..]));
    }

    private sealed class Answering(string body) : HttpMessageHandler
    {
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
