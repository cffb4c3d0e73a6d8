using Deliberation.Contracts.Views;
using Deliberation.Domain;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Tests.Visibility;

/// <summary>The roster every join's snapshot lists is kept, not sorted again per join: it must still be the roster as it is now.</summary>
public sealed class RosterViewsTests
{
    [Fact]
    public void TheKeptRosterIsTheSortedRosterOfTheDialogue()
    {
        var room = new SmallRoom(ConfidentialityMode.ChathamHouse);
        room.Add(Role.Delegate, SmallRoom.North, "Zhang Wei");
        room.Add(Role.Delegate, SmallRoom.South, "Amara Okafor");

        Assert.Equal(Listed(StateViews.Roster(room.Dialogue)), Listed(RosterViews.Of(room.Dialogue)));
        Assert.Equal(["Convener", "Chair", "Amara Okafor", "Zhang Wei"], RosterViews.Of(room.Dialogue).Select(m => m.DisplayName));
    }

    [Fact]
    public void AMemberAddedSinceIsInTheNextView()
    {
        var room = new SmallRoom(ConfidentialityMode.ChathamHouse);
        room.Add(Role.Delegate, SmallRoom.North, "Zhang Wei");
        var before = RosterViews.Of(room.Dialogue);

        var added = room.Add(Role.Delegate, SmallRoom.South, "Amara Okafor");

        Assert.DoesNotContain(before, m => m.ParticipantId == added);
        Assert.Contains(RosterViews.Of(room.Dialogue), m => m.ParticipantId == added);
        Assert.Equal(Listed(StateViews.Roster(room.Dialogue)), Listed(RosterViews.Of(room.Dialogue)));
    }

    private static List<(Guid, string, Role)> Listed(IEnumerable<MemberView> roster) => [.. roster.Select(m => (m.ParticipantId, m.DisplayName, m.Role))];
}
