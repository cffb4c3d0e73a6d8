using CsCheck;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Realtime;
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
        var sent = Joined(room);

        var released = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);
        Assert.Empty(Pushed(sent, room, released));

        // A release and a change after it in one push: the screen builds the release, the change is a mark.
        var again = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator)
            .Concat(room.Take(member, clause, PositionKind.Oppose)).ToList();
        var moved = Assert.Single(Pushed(sent, room, again));
        Assert.Equal((clause, true), (moved.Clause.Id, moved.SameRelease));
    }

    [Fact]
    public void AClauseTheNodeNeverSentGoesWholeEvenWithItsReleaseInTheEvents()
    {
        var (room, clause, _) = RoomWithAPosition();
        var sent = new ReleasedFiguresSent();

        var released = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);
        var moved = Assert.Single(Pushed(sent, room, released));
        Assert.Equal((clause, false), (moved.Clause.Id, moved.SameRelease));
    }

    /// <summary>
    /// A join answer carries the state as it was read then, newer than the releases in the events
    /// that follow it: those older releases change nothing on the screens, and nothing is sent again.
    /// </summary>
    [Fact]
    public void AnOlderReleaseInTheEventsThanTheOneSentMovesNothing()
    {
        var (room, clause, member) = RoomWithAPosition();
        var older = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);
        room.Take(member, clause, PositionKind.Oppose);
        room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);
        var sent = Joined(room);

        Assert.Empty(Pushed(sent, room, older));
    }

    [Fact]
    public void AWithdrawalAfterTheReleaseInThePushGoesAsFigures()
    {
        var (room, clause, _) = RoomWithAPosition();
        room.Must(new SetPhase(Phase.Drafting), room.Facilitator);
        var sent = Joined(room);

        var events = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator)
            .Concat(room.Must(new WithdrawClause(clause, "Out of scope."), room.Facilitator)).ToList();
        var moved = Assert.Single(Pushed(sent, room, events));
        Assert.Equal((clause, false), (moved.Clause.Id, moved.SameRelease));
    }

    /// <summary>
    /// A joining viewer is sent the clause as it is now; the viewers already on the node hold what
    /// their pushes brought. "Changes pending" flipped and not pushed yet when she joins must still
    /// reach them.
    /// </summary>
    [Fact]
    public void AJoinDoesNotCountAsSentWhatTheViewersAlreadyHereWereNotSent()
    {
        var (room, clause, member) = RoomWithAPosition();
        var sent = Joined(room);
        var released = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);
        Assert.Empty(Pushed(sent, room, released));

        var change = room.Take(member, clause, PositionKind.Oppose);
        sent.Remember(room.DialogueId, room.Statement, room.Dialogue);
        var moved = Assert.Single(Pushed(sent, room, change));
        Assert.Equal((clause, true), (moved.Clause.Id, moved.SameRelease));
    }

    /// <summary>
    /// A node that fell behind reads a state past the events it pushes: a release committed after
    /// them is not sent as figures ahead of its event, and once its event is pushed nothing more goes.
    /// </summary>
    [Fact]
    public void AReleaseAheadOfThePushedEventsWaitsForItsOwnEvent()
    {
        var (room, clause, member) = RoomWithAPosition();
        var sent = Joined(room);
        var change = room.Take(member, clause, PositionKind.Oppose);
        var released = room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), room.Facilitator);

        Assert.Empty(Pushed(sent, room, change));

        Assert.Empty(Pushed(sent, room, released));
    }

    /// <summary>
    /// Random positions and releases, pushed by a node that lags: each push carries the oldest of the
    /// commits not yet pushed while the figures are read from the statement as it is by then. A screen
    /// builds releases from their events and takes what the node sends beyond them. No release's
    /// figures may go before its event, and once the pushes have carried every commit, the screen must
    /// hold, to the last field, what it would be sent afresh.
    /// </summary>
    [Fact]
    public void ALaggingNodeSendsEachReleaseInItsEventAndLeavesTheScreenAsAFreshAnswer() =>
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 1]).Array[1, 40].Sample(steps =>
        {
            var room = new SmallRoom(ConfidentialityMode.ChathamHouse, minimumGroupSize: 2);
            var members = room.AddDelegates(3, SmallRoom.North).Concat(room.AddDelegates(3, SmallRoom.South)).ToArray();
            Guid[] clauses = [room.Clause("No autonomous replication."), room.Clause("Safety research at a tenth of R&D.")];
            room.Deliberate();
            var roster = new RosterIndex(room.Dialogue);
            var sent = Joined(room);
            var screen = room.Statement.OrderedClauses.ToDictionary(c => c.Id, c => Disclosure.Released(c, room.Dialogue, roster));
            var notPushed = new Queue<IReadOnlyList<RecordedEventEnvelope>>();

            void Push(IReadOnlyList<RecordedEventEnvelope> events)
            {
                foreach (var e in events)
                    if (e.Event is FiguresReleased released)
                        foreach (var release in released.Clauses)
                            if (screen[release.ClauseId].Release is { } view && view.StatementVersion < e.Version)
                                screen[release.ClauseId] = Disclosure.AsShown(release, e.Version, e.OccurredAt, released.Trigger);
                foreach (var (clause, sameRelease) in Pushed(sent, room, events))
                {
                    var figures = Disclosure.Released(clause, room.Dialogue, roster);
                    Assert.True(figures.Release!.StatementVersion <= events[^1].Version, "a release's figures went before its event");
                    screen[clause.Id] = sameRelease ? screen[clause.Id] with { Release = screen[clause.Id].Release! with { ChangesPending = figures.Release.ChangesPending } } : figures;
                }
            }

            foreach (var (op, member, clause) in steps)
            {
                var committed = op switch
                {
                    < 4 => room.Take(members[member], clauses[clause], Kinds[op]),
                    4 => room.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clauses[clause], Force: true), room.Facilitator),
                    _ => [],
                };
                // A release of a clause nobody has spoken to commits nothing.
                if (committed.Count > 0)
                    notPushed.Enqueue(committed);
                else if (op == 5 && notPushed.Count > 0)
                    Push(notPushed.Dequeue());
            }
            while (notPushed.Count > 0)
                Push(notPushed.Dequeue());
            foreach (var c in room.Statement.OrderedClauses)
                Assert.Equal(DomainJson.Serialize(Disclosure.Released(c, room.Dialogue, roster)), DomainJson.Serialize(screen[c.Id]));
        }, iter: 200);

    /// <summary>A node whose first release viewer joined now.</summary>
    private static ReleasedFiguresSent Joined(SmallRoom room)
    {
        var sent = new ReleasedFiguresSent();
        sent.Remember(room.DialogueId, room.Statement, room.Dialogue);
        return sent;
    }

    /// <summary>What the node sends its release viewers after pushing <paramref name="events"/>, the statement read as it is now.</summary>
    private static IReadOnlyList<(ClauseState Clause, bool SameRelease)> Pushed(ReleasedFiguresSent sent, SmallRoom room, IReadOnlyList<RecordedEventEnvelope> events)
    {
        sent.CarriedBy(room.DialogueId, room.StatementId, events);
        return sent.Moved(room.DialogueId, room.Statement, room.Dialogue, events[^1].Version);
    }

    private static readonly PositionKind[] Kinds = [PositionKind.Support, PositionKind.Oppose, PositionKind.Block, PositionKind.StandAside];

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
