using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Tests.Visibility;

/// <summary>
/// A push rendered once per role present on a node, plus a rendering of her own for a connection
/// whose hidden position is in the batch.
/// </summary>
public sealed class PushRenderingTests
{
    [Fact]
    public void EachRolePresentGetsOneRenderingAndTheAuthorHerOwn()
    {
        var room = new SmallRoom(ConfidentialityMode.ChathamHouse);
        var author = room.Add(Role.Delegate, SmallRoom.South);
        var other = room.Add(Role.Delegate, SmallRoom.South);
        var clause = room.Clause("Frontier models are evaluated before release.");
        room.Deliberate();
        var events = room.Take(author, clause, PositionKind.Support);
        ConnectedViewer[] connections =
        [
            new("author-phone", author, Role.Delegate), new("author-laptop", author, Role.Delegate),
            new("other", other, Role.Delegate), new("chair", room.Facilitator, Role.Facilitator),
        ];

        var deliveries = PushRendering.Events(events, connections, ConfidentialityMode.ChathamHouse);

        var delegates = Assert.Single(deliveries.OfType<RoleDelivery>(), d => d.Role == Role.Delegate);
        var chair = Assert.Single(deliveries.OfType<RoleDelivery>(), d => d.Role == Role.Facilitator);
        Assert.Equal(2, deliveries.OfType<RoleDelivery>().Count());
        Assert.Equal(["author-laptop", "author-phone"], delegates.ExceptConnections.Order());
        Assert.False(Assert.Single(delegates.Events).ContainsKey("participantId"));
        // The chair sees names in Chatham House: nobody in her role needs a rendering of her own.
        Assert.Empty(chair.ExceptConnections);
        Assert.Equal(author.ToString(), (string?)Assert.Single(chair.Events)["participantId"]);
        var own = deliveries.OfType<PersonalDelivery>().ToList();
        Assert.Equal(["author-laptop", "author-phone"], own.Select(d => d.ConnectionId).Order());
        Assert.All(own, d => Assert.Equal(author.ToString(), (string?)Assert.Single(d.Events)["participantId"]));
        Assert.All(deliveries, d => Assert.Equal(StreamIds.Statement(room.StatementId), d.StreamId));
    }

    [Fact]
    public void WhereEveryoneSeesNamesNobodyGetsARenderingOfHerOwn()
    {
        var room = new SmallRoom(ConfidentialityMode.Attributed);
        var author = room.Add(Role.Delegate, SmallRoom.South);
        var clause = room.Clause("Frontier models are evaluated before release.");
        room.Deliberate();
        var events = room.Take(author, clause, PositionKind.Oppose);

        var deliveries = PushRendering.Events(events, [new("author", author, Role.Delegate)], ConfidentialityMode.Attributed);

        var delivery = Assert.IsType<RoleDelivery>(Assert.Single(deliveries));
        Assert.Empty(delivery.ExceptConnections);
    }

    [Fact]
    public void ANodeWithNobodyInTheDialogueRendersNothing()
    {
        var room = new SmallRoom(ConfidentialityMode.Anonymous);
        var events = room.Must(new SetPhase(Phase.Deliberation), room.Facilitator);

        Assert.Empty(PushRendering.Events(events, [], ConfidentialityMode.Anonymous));
        Assert.Empty(PushRendering.Events([], [new("chair", room.Facilitator, Role.Facilitator)], ConfidentialityMode.Anonymous));
    }

    [Fact]
    public void PresenceAndConsensusAreRenderedOncePerRolePresent()
    {
        var room = new SmallRoom(ConfidentialityMode.ChathamHouse);
        var presence = new Presence(room.DialogueId, [new PresentMember(room.Facilitator, 1)]);
        Role[] roles = [Role.Delegate, Role.Facilitator, Role.Delegate];

        var presenceViews = PushRendering.Presence(presence, room.Dialogue, roles);
        var updates = PushRendering.Consensus(room.DialogueId, room.Consensus(), room.Dialogue, roles);

        Assert.Equal([Role.Delegate, Role.Facilitator], presenceViews.Select(p => p.Role));
        Assert.Null(presenceViews[0].View.People);
        Assert.NotNull(presenceViews[1].View.People);
        // Live figures only to the role that sees them; delegates hear of figures only by releases.
        Assert.Equal([Role.Facilitator], updates.Select(u => u.Role));
    }
}
