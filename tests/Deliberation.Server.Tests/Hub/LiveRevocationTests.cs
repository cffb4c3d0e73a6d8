using System.Collections.Immutable;
using System.Net;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Server.Tests.Hub;

/// <summary>
/// A removal, a revocation or a role change reaches live connections within a second: closed, or
/// moved to the new role's audience, never left with what the old role saw (docs/security.md).
/// </summary>
[Collection(HubCollection.Name)]
public sealed class LiveRevocationTests(HubFixture fixture)
{
    private const string Facilitator = "Fran Facilitator";

    private static readonly TimeSpan Promptly = HubClient.Promptly;

    [Fact]
    public async Task ARemovedMembersConnectionIsClosedAndHerNextCallRefused()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        await using var n3 = await fixture.ConnectAsync(dialogue, "N3");
        await n3.JoinAsync(dialogue.Id);

        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new RemoveMember(dialogue.IdOf("N3")));
        await n3.WaitClosedAsync();
        var seen = n3.Events.Count;
        await dialogue.TakePositionAsync("N1", clause, PositionKind.Support);
        await Task.Delay(300);
        Assert.Equal(seen, n3.Events.Count);

        await Expect.RefusedAsync(await dialogue["N3"].GetAsync(dialogue.Url), HttpStatusCode.Forbidden, "dialogue.not-a-member");
        await using var again = await fixture.ConnectAsync(dialogue, "N3");
        await Assert.ThrowsAsync<HubException>(() => again.JoinAsync(dialogue.Id));
        var refused = await again.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Block));
        Assert.Equal("dialogue.not-a-member", refused.Error?.Rule);
    }

    [Fact]
    public async Task ADemotedFacilitatorStopsReceivingNamedPositions()
    {
        var (dialogue, clause) = await fixture.DialogueAsync(ConfidentialityMode.ChathamHouse);
        await using var chair = await fixture.ConnectAsync(dialogue, Facilitator);
        await chair.JoinAsync(dialogue.Id);
        await dialogue.TakePositionAsync("N1", clause, PositionKind.Support);
        var named = await chair.WaitForAsync(c => c.EventOfType("PositionTaken"), what: "PositionTaken at the chair");
        Assert.Equal(dialogue.IdOf("N1"), named["participantId"]!.GetValue<Guid>());

        var demoted = new Member(dialogue.IdOf(Facilitator), Facilitator, "Test", Role.Delegate, ImmutableDictionary<string, string>.Empty);
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new UpdateMember(demoted));
        await chair.WaitForAsync(c => c.EventOfType("MemberUpdated"), Promptly, "MemberUpdated at the demoted chair");
        var n2 = await dialogue.AcceptAsync("N2", new Deliberation.Domain.Statements.TakePosition(clause, 1, PositionKind.Oppose));

        // As a delegate she receives N2's position only as an opaque entry of the chain.
        var version = n2["version"]!.GetValue<long>();
        var after = await chair.WaitForAsync(c => c.EventOfType("Hidden", e => (long?)e["version"] == version && ((string?)e["streamId"])!.StartsWith("statement-", StringComparison.Ordinal)), what: "N2's position as an opaque entry");
        Assert.Null(chair.EventOfType("PositionTaken", e => e["position"]?.GetValue<string>() == "Oppose"));
        Assert.DoesNotContain(dialogue.IdOf("N2").ToString(), after.ToJsonString());
        Assert.Equal(HubConnectionState.Connected, chair.Connection.State);
    }

    [Fact]
    public async Task RevokingAnInviteClosesTheConnectionsItsSessionsHold()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        await using var s1 = await fixture.ConnectAsync(dialogue, "S1");
        await s1.JoinAsync(dialogue.Id);
        var invite = (await dialogue.Convener.GetJsonAsync($"{dialogue.Url}/invites")).AsArray()
            .Single(i => i!["participantId"]!.GetValue<Guid>() == dialogue.IdOf("S1") && i["revokedAt"] is null)!;

        await Expect.OkAsync(await dialogue.Convener.Http.DeleteAsync($"{dialogue.Url}/invites/{invite["codeHash"]!.GetValue<string>()}"));

        await s1.WaitClosedAsync();
        await Expect.RefusedAsync(await dialogue["S1"].GetAsync(dialogue.Url), HttpStatusCode.Forbidden, "session.ended");
        await using var again = await fixture.ConnectAsync(dialogue, "S1");
        var refused = await again.InvokeAsync("RaiseHand", new DialogueRequest(dialogue.Id));
        Assert.Equal("session.ended", refused.Error?.Rule);
    }
}
