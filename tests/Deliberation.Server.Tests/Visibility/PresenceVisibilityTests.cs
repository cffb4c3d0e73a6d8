using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Tests.Visibility;

/// <summary>
/// Who is in the room, as each role may see it: names only where the mode shows names; otherwise
/// counts by role and by group, small groups folded as in the consensus matrix.
/// </summary>
public sealed class PresenceVisibilityTests
{
    /// <summary>k = 3. North: the chair and four delegates; South: three; East: two; West: one.</summary>
    private static (SmallRoom Room, Presence Presence) ARoomWithEveryoneIn(ConfidentialityMode mode)
    {
        var room = new SmallRoom(mode, minimumGroupSize: 3);
        room.AddDelegates(4, SmallRoom.North);
        room.AddDelegates(3, SmallRoom.South);
        room.AddDelegates(2, SmallRoom.East);
        room.AddDelegates(1, SmallRoom.West);
        room.Add(Role.Observer, region: null);
        return (room, Everyone(room));
    }

    private static Presence Everyone(SmallRoom room) =>
        new(room.DialogueId, [.. room.Dialogue.Roster.Keys.Select(id => new PresentMember(id, 1))]);

    [Theory]
    [InlineData(ConfidentialityMode.Attributed, Role.Delegate, true)]
    [InlineData(ConfidentialityMode.Attributed, Role.Observer, true)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Facilitator, true)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Convener, true)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Delegate, false)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Observer, false)]
    [InlineData(ConfidentialityMode.Anonymous, Role.Facilitator, false)]
    [InlineData(ConfidentialityMode.Anonymous, Role.Delegate, false)]
    public void NamesGoOnlyToRolesThatSeeNames(ConfidentialityMode mode, Role role, bool seesNames)
    {
        var (room, presence) = ARoomWithEveryoneIn(mode);

        var view = PresenceVisibility.For(presence, room.Dialogue, role);

        Assert.Equal(seesNames, view.People is not null);
        if (view.People is { } people)
        {
            Assert.Equal(room.Dialogue.Roster.Keys.Order(), people.Select(p => p.ParticipantId).Order());
            Assert.Contains(people, p => p.DisplayName == "Chair" && p.Role == Role.Facilitator);
        }
    }

    /// <summary>
    /// The joins that share a presence report and a room snapshot share its rendering (a room of
    /// 1,000 filling up rendered it once per joiner); a new list, a new roster or another role is
    /// rendered afresh, so a kept view is never an older one.
    /// </summary>
    [Fact]
    public void OneListAndRosterAreRenderedOncePerRoleAndNeverStale()
    {
        var (room, _) = ARoomWithEveryoneIn(ConfidentialityMode.ChathamHouse);
        var before = room.Dialogue;
        room.Add(Role.Delegate, SmallRoom.North, "Amara Okafor");
        var presence = Everyone(room);

        var first = PresenceVisibility.For(presence, room.Dialogue, Role.Delegate);

        Assert.Same(first, PresenceVisibility.For(presence, room.Dialogue, Role.Delegate));
        Assert.Null(first.People);
        Assert.NotNull(PresenceVisibility.For(presence, room.Dialogue, Role.Facilitator).People);
        // The roster she was not yet on does not count her; the one she is on does.
        Assert.Equal(first.Present - 1, PresenceVisibility.For(presence, before, Role.Delegate).Present);
        var fewer = new Presence(room.DialogueId, [.. presence.Members.Skip(1)]);
        Assert.Equal(first.Present - 1, PresenceVisibility.For(fewer, room.Dialogue, Role.Delegate).Present);
    }

    [Fact]
    public void EveryoneSeesHowManyArePresentInEachRole()
    {
        var (room, _) = ARoomWithEveryoneIn(ConfidentialityMode.Anonymous);
        var delegates = room.Dialogue.Roster.Values.Where(m => m.Role == Role.Delegate).Take(3).ToList();
        var presence = new Presence(room.DialogueId,
            [.. delegates.Select(m => new PresentMember(m.ParticipantId, 2)), new PresentMember(room.Facilitator, 1)]);

        var view = PresenceVisibility.For(presence, room.Dialogue, Role.Delegate);

        Assert.Equal(4, view.Present);
        Assert.Equal(new Dictionary<string, int> { ["Delegate"] = 3, ["Facilitator"] = 1 }, view.ByRole);
        Assert.Equal(view.Present, view.ByRole.Values.Sum());
        Assert.Equal(room.DialogueId, view.DialogueId);
    }

    [Fact]
    public void GroupsUnderKFoldIntoOneRowForThoseWhoseMatrixFoldsThem()
    {
        var (room, presence) = ARoomWithEveryoneIn(ConfidentialityMode.ChathamHouse);

        var region = Assert.Single(PresenceVisibility.For(presence, room.Dialogue, Role.Delegate).ByGroup);

        Assert.Equal(SmallRoom.Region, region.Dimension);
        // East (2) and West (1) are under k = 3; folded together they make three.
        Assert.Equal(new Dictionary<string, int>
        {
            [SmallRoom.North] = 5, [SmallRoom.South] = 3, [ConsensusRedaction.FoldedRowName] = 3,
        }, region.Groups);
    }

    [Fact]
    public void TheChairSeesEveryGroupInChathamHouse()
    {
        var (room, presence) = ARoomWithEveryoneIn(ConfidentialityMode.ChathamHouse);

        var region = Assert.Single(PresenceVisibility.For(presence, room.Dialogue, Role.Facilitator).ByGroup);

        Assert.Equal(new Dictionary<string, int>
        {
            [SmallRoom.North] = 5, [SmallRoom.South] = 3, [SmallRoom.East] = 2, [SmallRoom.West] = 1,
        }, region.Groups);
    }

    [Fact]
    public void GroupsFoldByTheirSizeOnTheRosterNotByWhoIsPresent()
    {
        var (room, _) = ARoomWithEveryoneIn(ConfidentialityMode.Anonymous);
        // One of South's three is in: South stays its own row, since its size on the roster is k.
        var southerner = room.Dialogue.Roster.Values.First(m => m.GroupIn(SmallRoom.Region) == SmallRoom.South);
        var presence = new Presence(room.DialogueId, [new PresentMember(southerner.ParticipantId, 1)]);

        var region = Assert.Single(PresenceVisibility.For(presence, room.Dialogue, Role.Facilitator).ByGroup);

        Assert.Equal(1, region.Groups[SmallRoom.South]);
        Assert.Equal(0, region.Groups[SmallRoom.North]);
        Assert.Equal(0, region.Groups[ConsensusRedaction.FoldedRowName]);
        Assert.False(region.Groups.ContainsKey(SmallRoom.East));
        Assert.False(region.Groups.ContainsKey(SmallRoom.West));
    }

    [Theory]
    [InlineData(ConfidentialityMode.Attributed, Role.Delegate)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Delegate)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Facilitator)]
    [InlineData(ConfidentialityMode.Anonymous, Role.Observer)]
    public void GroupCountsAddUpToThosePresentWithAGroup(ConfidentialityMode mode, Role role)
    {
        var (room, presence) = ARoomWithEveryoneIn(mode);
        var withAGroup = room.Dialogue.Roster.Values.Count(m => m.GroupIn(SmallRoom.Region) is not null);

        var view = PresenceVisibility.For(presence, room.Dialogue, role);

        Assert.Equal(room.Dialogue.Roster.Count, view.Present);
        Assert.Equal(withAGroup, Assert.Single(view.ByGroup).Groups.Values.Sum());
    }

    [Fact]
    public void SomeoneNoLongerOnTheRosterIsNotCounted()
    {
        var (room, presence) = ARoomWithEveryoneIn(ConfidentialityMode.Attributed);
        var withAStranger = presence with { Members = presence.Members.Add(new PresentMember(Guid.NewGuid(), 1)) };

        var view = PresenceVisibility.For(withAStranger, room.Dialogue, Role.Delegate);

        Assert.Equal(room.Dialogue.Roster.Count, view.Present);
        Assert.Equal(room.Dialogue.Roster.Count, view.People!.Value.Length);
    }

    [Fact]
    public void APersonWithSeveralTabsOpenIsOnePersonPresent()
    {
        var (room, _) = ARoomWithEveryoneIn(ConfidentialityMode.Attributed);
        var presence = new Presence(room.DialogueId, ImmutableArray.Create(new PresentMember(room.Facilitator, 3)));

        var view = PresenceVisibility.For(presence, room.Dialogue, Role.Delegate);

        Assert.Equal(1, view.Present);
        Assert.Equal(3, Assert.Single(view.People!.Value).Connections);
    }
}
