using Deliberation.Domain;
using Deliberation.Server.Hubs;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Hub;

/// <summary>
/// Two server processes forming one Orleans cluster over one database: a client on one node sees
/// an action taken through the other, because each node's observer subscribes to the dialogue grain.
/// Its own pair of nodes: once the second stops, grains placed on it are unreachable until the
/// cluster declares it dead, which other tests should not wait for.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private readonly TempFolder folder = new("deliberation-two-nodes");
    private ServerProcess first = null!;
    private ServerProcess second = null!;

    public async Task InitializeAsync()
    {
        first = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: false);
        await first.StartAsync();
        second = new ServerProcess(first.DatabasePath, folder.Path, seedDemo: false, joins: first);
        await second.StartAsync();
    }

    public Task DisposeAsync()
    {
        second.Dispose();
        first.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnActionOnOneNodeReachesAClientOnTheOther()
    {
        var dialogue = await TestDialogue.CreateAsync(first.NewClient, ConfidentialityMode.ChathamHouse, HubFixture.Dimensions, HubFixture.Seats);
        var clause = await dialogue.ProposeClauseAsync("Rhea Rapporteur", "Register models above an agreed capability threshold.");
        await dialogue.SetPhaseAsync("Fran Facilitator", Phase.Deliberation);
        // Each process keeps its own cookie keys, so N2 signs in on the second node with a fresh invite.
        using var n2OnSecond = second.NewClient();
        var invite = await dialogue.Convener.PostOkAsync($"/api/dialogues/{dialogue.Id}/members/{dialogue.IdOf("N2")}/invites", new { });
        await n2OnSecond.RedeemAsync(invite["code"]!.GetValue<string>());
        await using var onFirst = await HubClient.ConnectAsync(first.BaseAddress, dialogue["N1"]);
        await using var onSecond = await HubClient.ConnectAsync(second.BaseAddress, n2OnSecond);
        await onFirst.JoinAsync(dialogue.Id);
        await onSecond.JoinAsync(dialogue.Id);

        var outcome = await onSecond.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Accept));

        Assert.True(outcome.Accepted, outcome.Error?.Message);
        // Chatham House: N1 receives N2's position as an opaque entry of the chain, at its version.
        var arrived = await onFirst.WaitForAsync(c => c.EventOfType("Hidden", e => (string?)e["streamId"] == outcome.StreamId), TimeSpan.FromSeconds(15), "the position's entry on the other node");
        Assert.Equal(outcome.Version, arrived["version"]!.GetValue<long>());
        var consensus = await onFirst.WaitForAsync(c => c.Consensus.Count > 0 ? c.Consensus : null, TimeSpan.FromSeconds(15), "ConsensusChanged on the other node");
        Assert.NotEmpty(consensus);
    }

    [Fact]
    public async Task ARemovalOnOneNodeClosesTheMembersConnectionOnTheOther()
    {
        var dialogue = await TestDialogue.CreateAsync(first.NewClient, ConfidentialityMode.ChathamHouse, HubFixture.Dimensions, HubFixture.Seats);
        using var n3OnSecond = second.NewClient();
        var invite = await dialogue.Convener.PostOkAsync($"/api/dialogues/{dialogue.Id}/members/{dialogue.IdOf("N3")}/invites", new { });
        await n3OnSecond.RedeemAsync(invite["code"]!.GetValue<string>());
        await using var onSecond = await HubClient.ConnectAsync(second.BaseAddress, n3OnSecond);
        await onSecond.JoinAsync(dialogue.Id);

        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new Domain.Dialogues.RemoveMember(dialogue.IdOf("N3")));

        await onSecond.WaitClosedAsync();
        await Expect.RefusedAsync(await n3OnSecond.GetAsync(dialogue.Url), System.Net.HttpStatusCode.Forbidden, "dialogue.not-a-member");
    }
}
