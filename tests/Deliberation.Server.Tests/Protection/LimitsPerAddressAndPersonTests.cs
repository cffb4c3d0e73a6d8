using System.Net;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Protection;

/// <summary>
/// docs/security.md, Limits: an attacker who opens fresh sessions gets no fresh allowance. Each test
/// has a server of its own with low limits, and sets the address each client comes from.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class LimitsPerAddressAndPersonTests
{
    private static readonly Seat[] ThreeDelegates =
    [
        new("D1", Role.Delegate), new("D2", Role.Delegate), new("D3", Role.Delegate),
    ];

    [Fact]
    public async Task FreshSessionsBuyNoExtraInviteGuesses()
    {
        await using var server = new AddressedServer(("RateLimits:InviteGuessesPerMinute", "5"));
        // Three sessions (three people's cookies), all at the attacker's address.
        using var dialogue = await TestDialogue.CreateAsync(() => server.ClientAt("10.0.0.1"), ConfidentialityMode.Attributed, [], ThreeDelegates);
        var sessions = ThreeDelegates.Select(s => dialogue[s.Name]).Append(server.ClientAt("10.0.0.1")).ToList();

        var answers = new List<HttpResponseMessage>();
        foreach (var session in sessions)
        {
            for (var guess = 0; guess < 10; guess++)
                answers.Add(await session.Http.PostAsync($"/api/invites/guess-{Guid.NewGuid():N}/redeem", null));
        }

        // 40 guesses from four sessions: five are answered, the rest refused as over the limit.
        Assert.Equal(5, answers.Count(a => a.StatusCode != HttpStatusCode.TooManyRequests));
        var refused = answers.Last();
        await Expect.RefusedAsync(refused, HttpStatusCode.TooManyRequests, "rate.limited");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 says when to come back");
        // Another address is not held up by this one.
        using var elsewhere = server.ClientAt("10.0.0.2");
        await Expect.RefusedAsync(await elsewhere.Http.PostAsync($"/api/invites/guess-{Guid.NewGuid():N}/redeem", null), HttpStatusCode.NotFound, "invite.not-found");
    }

    [Fact]
    public async Task ManyPeopleFromOneAddressShareTheAddresssLimit()
    {
        await using var server = new AddressedServer(("RateLimits:RequestsPerMinute", "1000"), ("RateLimits:RequestsPerMinutePerAddress", "60"));
        using var dialogue = await TestDialogue.CreateAsync(() => server.ClientAt("10.0.1.1"), ConfidentialityMode.Attributed, [], ThreeDelegates);
        var people = ThreeDelegates.Select(s => dialogue[s.Name]).ToList();
        foreach (var person in people)
            AddressedServer.MoveTo(person, "10.0.1.2");

        var answers = new List<HttpResponseMessage>();
        foreach (var person in people)
        {
            for (var i = 0; i < 30; i++)
                answers.Add(await person.GetAsync("/api/me"));
        }

        // Each person is far under her own limit; together they are at the address's.
        Assert.Equal(60, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        await Expect.RefusedAsync(answers.Last(), HttpStatusCode.TooManyRequests, "rate.limited");
    }

    [Fact]
    public async Task OnePersonsSessionsShareHerLimitFromAnyAddress()
    {
        await using var server = new AddressedServer(("RateLimits:RequestsPerMinute", "20"), ("RateLimits:RequestsPerMinutePerAddress", "10000"));
        using var dialogue = await TestDialogue.CreateAsync(() => server.ClientAt("10.0.2.1"), ConfidentialityMode.Attributed, [], ThreeDelegates);
        var person = dialogue["D1"];

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 30; i++)
        {
            // A different address each time, as from a phone moving between networks.
            AddressedServer.MoveTo(person, $"10.0.3.{i + 1}");
            answers.Add(await person.GetAsync("/api/me"));
        }

        // Setting up the dialogue may have spent a few of hers already.
        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 15, 20);
        await Expect.RefusedAsync(answers.Last(), HttpStatusCode.TooManyRequests, "rate.limited");
    }
}
