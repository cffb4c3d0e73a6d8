using System.Net;
using Deliberation.Contracts.Hub;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Hub;

/// <summary>
/// The agenda as the chair runs it (issue 11): items edited and reordered over HTTP from the setup
/// page, "Next item" over the hub, and every screen in the room told at once by the usual push.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class AgendaHubTests(HubFixture fixture)
{
    private const string Facilitator = "Fran Facilitator";

    [Fact]
    public async Task TheChairTakesUpTheNextItemAndTheRoomIsTold()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        var opening = new AgendaItem(Guid.NewGuid(), "Opening", 10, null, null);
        var redLines = new AgendaItem(Guid.NewGuid(), "Red lines", 20, dialogue.StatementId, clause);
        await dialogue.AcceptAsync(Facilitator, new AddAgendaItem(opening));
        await dialogue.AcceptAsync(Facilitator, new AddAgendaItem(redLines));
        await dialogue.AcceptAsync(Facilitator, new MoveAgendaItem(redLines.Id, 0));
        await dialogue.AcceptAsync(Facilitator, new ChangeAgendaItem(redLines with { Minutes = 25 }));

        await using var chair = await fixture.ConnectAsync(dialogue, Facilitator);
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await chair.JoinAsync(dialogue.Id);
        await n1.JoinAsync(dialogue.Id);

        var outcome = await chair.InvokeAsync("SetCurrentAgendaItem", new SetCurrentAgendaItemRequest(dialogue.Id, redLines.Id));

        Assert.True(outcome.Accepted, outcome.Error?.Message);
        var pushed = await n1.WaitForAsync(c => c.EventOfType("CurrentAgendaItemSet"), what: "the current agenda item");
        Assert.Equal(redLines.Id, pushed["current"]!["itemId"]!.GetValue<Guid>());
        // The item covers a clause: it is put on the floor in the same step.
        Assert.NotNull(await n1.WaitForAsync(c => c.EventOfType("FocusSet"), what: "the clause on the floor"));

        var view = await dialogue.Convener.GetJsonAsync(dialogue.Url);
        Assert.Equal(["Red lines", "Opening"], view["agenda"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
        Assert.Equal(25, view["agenda"]![0]!["minutes"]!.GetValue<int>());
        Assert.Equal(redLines.Id, view["currentAgendaItem"]!["itemId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task ADelegateCannotMoveTheAgendaOn()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        var item = new AgendaItem(Guid.NewGuid(), "Opening", 10, null, null);
        await dialogue.AcceptAsync(Facilitator, new AddAgendaItem(item));
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await n1.JoinAsync(dialogue.Id);

        var outcome = await n1.InvokeAsync("SetCurrentAgendaItem", new SetCurrentAgendaItemRequest(dialogue.Id, item.Id));

        Assert.Equal("role.not-facilitator", outcome.Error?.Rule);
        Assert.Null((await dialogue.Convener.GetJsonAsync(dialogue.Url))["currentAgendaItem"]);
    }

    [Fact]
    public async Task AnItemWithoutATitleOrWithTooManyMinutesIsRefusedWithItsRule()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        var empty = await dialogue.SendAsync(Facilitator, new AddAgendaItem(new AgendaItem(Guid.Empty, " ", 10, null, null)));
        var tooLong = await dialogue.SendAsync(Facilitator, new AddAgendaItem(new AgendaItem(Guid.Empty, "Marathon", 481, null, null)));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("title.required", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("agenda.minutes-out-of-range", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
