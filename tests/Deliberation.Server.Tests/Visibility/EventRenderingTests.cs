using Deliberation.Contracts.Events;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Tests.Visibility;

/// <summary>Events as each role sees them in each mode (docs/architecture.md, "Confidentiality").</summary>
public sealed class EventRenderingTests
{
    private static (SmallRoom Room, Guid Author, RecordedEventEnvelope Position) APositionTaken(ConfidentialityMode mode)
    {
        var room = new SmallRoom(mode);
        var author = room.Add(Role.Delegate, SmallRoom.South);
        var clause = room.Clause("Frontier models are evaluated before release.");
        room.Deliberate();
        return (room, author, Assert.Single(room.Take(author, clause, PositionKind.Support)));
    }

    [Theory]
    [InlineData(ConfidentialityMode.Attributed, Role.Delegate, true)]
    [InlineData(ConfidentialityMode.Attributed, Role.Observer, true)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Facilitator, true)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Convener, true)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Delegate, false)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Rapporteur, false)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Observer, false)]
    [InlineData(ConfidentialityMode.Anonymous, Role.Facilitator, false)]
    [InlineData(ConfidentialityMode.Anonymous, Role.Delegate, false)]
    public void OthersPositionsReachOnlyRolesThatSeeNamesAndOthersGetAnOpaqueEntry(ConfidentialityMode mode, Role role, bool seesName)
    {
        var (_, author, position) = APositionTaken(mode);

        var json = EventLog.Render(position, new Audience(role, mode, Guid.NewGuid()));

        if (seesName)
        {
            Assert.Equal("PositionTaken", (string?)json["type"]);
            Assert.Equal("Support", (string?)json["position"]);
            Assert.Equal(author.ToString(), (string?)json["participantId"]);
            Assert.Equal(author.ToString(), (string?)json["actor"]);
            // Whole: with its salt she can recompute the leaf.
            Assert.Equal(position.Salt, (string?)json["salt"]);
        }
        else
        {
            // Its clause, kind, note and time would attribute it with the roster: only its place in the chain goes out.
            Assert.Equal(RenderedEvent.HiddenType, (string?)json["type"]);
            Assert.Equal(["eventHash", "leaf", "logPosition", "streamId", "type", "version"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
        }
        Assert.Equal(position.Leaf, (string?)json["leaf"]);
        Assert.Equal(position.EventHash, (string?)json["eventHash"]);
        Assert.Equal(position.Version, (long?)json["version"]);
    }

    [Theory]
    [InlineData(ConfidentialityMode.ChathamHouse)]
    [InlineData(ConfidentialityMode.Anonymous)]
    public void HerOwnPositionIsShownToTheViewerWhoTookIt(ConfidentialityMode mode)
    {
        var (_, author, position) = APositionTaken(mode);

        var json = EventLog.Render(position, new Audience(Role.Delegate, mode, author));

        Assert.Equal(author.ToString(), (string?)json["participantId"]);
        Assert.Equal(author.ToString(), (string?)json["actor"]);
        Assert.Equal(position.Salt, (string?)json["salt"]);
        Assert.NotNull(json["eventHash"]);
    }

    [Fact]
    public void WhoProposedAnAmendmentIsAttributionToo()
    {
        var room = new SmallRoom(ConfidentialityMode.Anonymous);
        var author = room.Add(Role.Delegate, SmallRoom.South);
        var clause = room.Clause("Frontier models are evaluated before release.");
        room.Deliberate();
        var proposed = Assert.Single(room.Must(new Domain.Statements.ProposeAmendment(room.NewId(), clause, 1, "Frontier models are evaluated independently.", null), author));

        var json = EventLog.Render(proposed, Audience.OfRole(Role.Delegate, ConfidentialityMode.Anonymous));

        Assert.Equal("AmendmentProposed", (string?)json["type"]);
        Assert.False(json.ContainsKey("actor"));
        // Shown without its author, so without its salt: the leaf would let her test each roster member.
        Assert.False(json.ContainsKey("salt"));
        Assert.Equal(proposed.Leaf, (string?)json["leaf"]);
        Assert.Equal(proposed.EventHash, (string?)json["eventHash"]);
    }

    [Theory]
    [InlineData(Role.Convener, false)]
    [InlineData(Role.Facilitator, false)]
    [InlineData(Role.Rapporteur, true)]
    [InlineData(Role.Delegate, true)]
    [InlineData(Role.Observer, true)]
    public void InvitesAreHiddenFromAllButOrganisersAndKeepTheirPlaceInTheStream(Role role, bool hidden)
    {
        var room = new SmallRoom(ConfidentialityMode.Attributed);
        var member = room.Add(Role.Delegate, SmallRoom.South);
        var issued = Assert.Single(room.Must(new IssueInvite(member, Services.InviteService.Hash("an invite code"), room.Now.AddDays(30)), room.Convener));

        var json = EventLog.Render(issued, Audience.OfRole(role, ConfidentialityMode.Attributed));

        Assert.Equal(hidden ? RenderedEvent.HiddenType : "InviteIssued", (string?)json["type"]);
        Assert.Equal(issued.StreamId, (string?)json["streamId"]);
        Assert.Equal(issued.Version, (long?)json["version"]);
        Assert.Equal(issued.LogPosition, (long?)json["logPosition"]);
        Assert.Equal(!hidden, json.ContainsKey("codeHash"));
        Assert.Equal(!hidden, json.ContainsKey("participantId"));
        Assert.Equal(!hidden, json.ContainsKey("occurredAt"));
        Assert.Equal(!hidden, json.ContainsKey("salt"));
        Assert.Equal(issued.Leaf, (string?)json["leaf"]);
        Assert.Equal(issued.EventHash, (string?)json["eventHash"]);
    }

    [Theory]
    [InlineData(ConfidentialityMode.Attributed)]
    [InlineData(ConfidentialityMode.ChathamHouse)]
    [InlineData(ConfidentialityMode.Anonymous)]
    public void EventsThatAttributeNoViewKeepTheirActorForEveryone(ConfidentialityMode mode)
    {
        var room = new SmallRoom(mode);
        var phase = room.Must(new SetPhase(Phase.Deliberation), room.Facilitator)[0];

        var json = EventLog.Render(phase, Audience.OfRole(Role.Observer, mode));

        Assert.Equal(room.Facilitator.ToString(), (string?)json["actor"]);
        Assert.Equal(phase.EventHash, (string?)json["eventHash"]);
        Assert.Equal(phase.Salt, (string?)json["salt"]);
        Assert.Equal(phase.Leaf, (string?)json["leaf"]);
        Assert.Equal(phase.OccurredAt, json["occurredAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public void AViewerSeesEventsAsHerAudienceDoes()
    {
        var (room, author, _) = APositionTaken(ConfidentialityMode.Anonymous);
        var viewer = Viewer.Of(room.Dialogue, author)!;

        Assert.Equal(new Audience(Role.Delegate, ConfidentialityMode.Anonymous, author), viewer.Audience);
        Assert.False(viewer.SeesNames);
        Assert.Null(Viewer.Of(room.Dialogue, Guid.NewGuid()));
    }
}
