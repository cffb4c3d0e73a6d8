using System.Diagnostics;
using Deliberation.Domain;
using Deliberation.Server.Protection;
using Deliberation.Server.Tests.Hub;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Server.Tests.Protection;

/// <summary>
/// docs/security.md, Limits, over real SignalR connections: at most three live connections a person,
/// and one command allowance a person however many connections she opens.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class HubLimitsTests(HubFixture fixture)
{
    [Fact]
    public async Task AFourthConnectionOfOnePersonIsRefusedWithTheReason()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        var open = new List<HubClient>();
        try
        {
            for (var i = 0; i < 3; i++)
                open.Add(await fixture.ConnectAsync(dialogue, "N1"));

            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => fixture.ConnectAsync(dialogue, "N1"));
            Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, refused.StatusCode);
            // Someone else is not held up by her connections.
            await using var other = await fixture.ConnectAsync(dialogue, "N2");

            // Closing one makes room for another.
            await open[0].DisposeAsync();
            open.RemoveAt(0);
            var again = await Eventually.Async(async () =>
            {
                try
                {
                    return await fixture.ConnectAsync(dialogue, "N1");
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            }, TimeSpan.FromSeconds(10), () => "the closed connection was not released");
            open.Add(again);
        }
        finally
        {
            foreach (var client in open)
                await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task OnePersonOnThreeConnectionsHasOneCommandAllowance()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        var connections = new List<HubClient>();
        for (var i = 0; i < 3; i++)
            connections.Add(await fixture.ConnectAsync(dialogue, "N3"));
        try
        {
            var clock = Stopwatch.StartNew();
            var outcomes = await Task.WhenAll(connections.Select(async c =>
            {
                var mine = new List<CommandOutcome>();
                for (var i = 0; i < 100; i++)
                    mine.Add(await c.InvokeAsync("RaiseHand", new DialogueRequest(dialogue.Id)));
                return mine;
            }));
            var elapsed = clock.Elapsed;

            var answered = outcomes.SelectMany(o => o).Count(o => o.Error?.Rule != RateLimitRejection.Rule);
            // The defaults: a burst of 40, then 20 a second — for her, not for each of her connections.
            Assert.True(answered <= 40 + (20 * (elapsed.TotalSeconds + 1)), $"{answered} of 300 commands were let through in {elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            foreach (var c in connections)
                await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task HubArgumentsOfTheWrongTypeAreRefusedWithAMessageAndNothingIsLogged()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        var before = await dialogue.StatementVersionAsync();
        var floor = new { dialogueId = dialogue.Id, statementId = dialogue.StatementId, clauseId = clause, revision = 1 };

        var wrong = new object?[]
        {
            "a string where a request belongs",
            42,
            new[] { 1, 2, 3 },
            new { dialogueId = "not-a-guid", statementId = dialogue.StatementId, clauseId = clause, revision = 1, position = "Support" },
            new { floor.dialogueId, floor.statementId, floor.clauseId, floor.revision, low = "NaN", high = 20 },
            new { floor.dialogueId, floor.statementId, floor.clauseId, floor.revision, low = 10, high = "Infinity" },
        };
        foreach (var argument in wrong)
        {
            var method = argument is { } a && a.GetType().GetProperty("low") is not null ? "StateRange" : "TakePosition";
            var error = await Assert.ThrowsAsync<HubException>(() => n1.Connection.InvokeAsync<CommandOutcome>(method, argument));
            Assert.True(error.Message.Contains($"The arguments do not fit {method}, which takes", StringComparison.Ordinal),
                $"{method}({System.Text.Json.JsonSerializer.Serialize(argument)}): {error.Message}");
        }

        Assert.Equal(before, await dialogue.StatementVersionAsync());
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, n1.Connection.State);
        Assert.Empty(ServerLog.Failures(fixture.Server.OutputLines));
    }
}
