using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Realtime;
using Deliberation.Server.Tests.Visibility;

namespace Deliberation.Server.Tests.Realtime;

/// <summary>
/// What a node sends its release viewers after a push's events: a release in the events is built by
/// their screens from the event, so only what moved beyond it is sent (docs/api.md, "Releases and
/// the room's view").
/// </summary>
public sealed class ReleasedFiguresSentTests
{
    [Fact]
    public void AReleaseInThePushedEventsIsNotSentAgainAndAChangeAfterItGoesAsAMark()
    {
        var (room, clause, member) = RoomWithAPosition();
        var sent = new ReleasedFiguresSent();
        sent.Remember(room.DialogueId, room.Statement, room.Dialogue);

        var released = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);
        sent.CarriedBy(room.DialogueId, room.StatementId, released);

        Assert.Empty(sent.Moved(room.DialogueId, room.Statement, room.Dialogue));

        // A release and a change after it in one push: the screen builds the release, the change is a mark.
        var again = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator)
            .Concat(room.Take(member, clause, PositionKind.Oppose)).ToList();
        sent.CarriedBy(room.DialogueId, room.StatementId, again);

        var moved = Assert.Single(sent.Moved(room.DialogueId, room.Statement, room.Dialogue));
        Assert.Equal((clause, true), (moved.Clause.Id, moved.SameRelease));
    }

    [Fact]
    public void AClauseTheNodeNeverSentGoesWholeEvenWithItsReleaseInTheEvents()
    {
        var (room, clause, _) = RoomWithAPosition();
        var sent = new ReleasedFiguresSent();

        var released = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);
        sent.CarriedBy(room.DialogueId, room.StatementId, released);

        var moved = Assert.Single(sent.Moved(room.DialogueId, room.Statement, room.Dialogue));
        Assert.Equal((clause, false), (moved.Clause.Id, moved.SameRelease));
    }

    /// <summary>
    /// A node that fell behind sent the figures of the state it read, newer than the releases in the
    /// events it sends after: those older releases change nothing on the screens, and nothing is sent again.
    /// </summary>
    [Fact]
    public void AnOlderReleaseInTheEventsThanTheOneSentMovesNothing()
    {
        var (room, clause, member) = RoomWithAPosition();
        var older = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);
        room.Take(member, clause, PositionKind.Oppose);
        room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);
        var sent = new ReleasedFiguresSent();
        sent.Remember(room.DialogueId, room.Statement, room.Dialogue);

        sent.CarriedBy(room.DialogueId, room.StatementId, older);

        Assert.Empty(sent.Moved(room.DialogueId, room.Statement, room.Dialogue));
    }

    [Fact]
    public void AWithdrawalAfterTheReleaseInThePushGoesAsFigures()
    {
        var (room, clause, _) = RoomWithAPosition();
        room.Must(new SetPhase(Phase.Drafting), room.Facilitator);
        var sent = new ReleasedFiguresSent();
        sent.Remember(room.DialogueId, room.Statement, room.Dialogue);

        var events = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator)
            .Concat(room.Must(new WithdrawClause(clause, "Out of scope."), room.Facilitator)).ToList();
        sent.CarriedBy(room.DialogueId, room.StatementId, events);

        var moved = Assert.Single(sent.Moved(room.DialogueId, room.Statement, room.Dialogue));
        Assert.Equal((clause, false), (moved.Clause.Id, moved.SameRelease));
    }

    private static (SmallRoom Room, Guid Clause, Guid Member) RoomWithAPosition()
    {
        var room = new SmallRoom(ConfidentialityMode.ChathamHouse);
        var members = room.AddDelegates(3, SmallRoom.North);
        var clause = room.Clause("No autonomous replication.");
        room.Deliberate();
        room.Take(members[0], clause, PositionKind.Support);
        return (room, clause, members[0]);
    }
}
