using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Tests.Visibility;

/// <summary>
/// The consensus matrix per viewer: live figures unfolded for a viewer who sees them; for everyone
/// else the last release, under the room folding — the same for a request and a push.
/// </summary>
public sealed class ConsensusVisibilityTests
{
    /// <summary>k = 3. North: the chair and three delegates; South: three; East: two; West: one. Every delegate supports.</summary>
    private static (SmallRoom Room, StatementConsensus Consensus) AMatrix(ConfidentialityMode mode)
    {
        var room = new SmallRoom(mode, minimumGroupSize: 3);
        var delegates = room.AddDelegates(3, SmallRoom.North)
            .Concat(room.AddDelegates(3, SmallRoom.South))
            .Concat(room.AddDelegates(2, SmallRoom.East))
            .Concat(room.AddDelegates(1, SmallRoom.West))
            .ToList();
        var clause = room.Clause("Frontier models are evaluated before release.");
        room.Deliberate();
        foreach (var member in delegates)
            room.Take(member, clause, PositionKind.Support);
        // What the statement grain appends after every batch of positions.
        room.Must(new ReleaseFigures(ReleaseTrigger.Threshold), room.Facilitator);
        return (room, room.Consensus());
    }

    private static StatementConsensus Seen(SmallRoom room, StatementConsensus live, Role role) =>
        ConsensusVisibility.For(() => live, room.Statement, room.Dialogue, role);

    private static IReadOnlyList<string> RegionRows(StatementConsensus consensus) =>
        [.. Assert.Single(consensus.Clauses).Dimensions.Single(d => d.Name == SmallRoom.Region).Groups.Select(g => g.Group)];

    [Theory]
    [InlineData(ConfidentialityMode.Attributed, Role.Delegate, false)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Facilitator, false)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Convener, false)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Delegate, true)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Observer, true)]
    [InlineData(ConfidentialityMode.Anonymous, Role.Facilitator, true)]
    [InlineData(ConfidentialityMode.Anonymous, Role.Delegate, true)]
    public void GroupsUnderKAreFoldedForTheRolesTheModeFoldsThemFor(ConfidentialityMode mode, Role role, bool folded)
    {
        var (room, consensus) = AMatrix(mode);

        var rows = RegionRows(Seen(room, consensus, role));

        Assert.Equal(folded
            ? [SmallRoom.North, SmallRoom.South, ConsensusRedaction.FoldedRowName]
            : [SmallRoom.North, SmallRoom.South, SmallRoom.East, SmallRoom.West], rows);
    }

    [Fact]
    public void TheFoldedRowHoldsWhatTheSmallGroupsHeld()
    {
        var (room, consensus) = AMatrix(ConfidentialityMode.Anonymous);

        var region = Assert.Single(Seen(room, consensus, Role.Delegate).Clauses).Dimensions.Single(d => d.Name == SmallRoom.Region);
        var row = region.Groups.Single(g => g.Group == ConsensusRedaction.FoldedRowName);

        Assert.Equal(3, row.Members);
        Assert.Equal(3, row.Support);
        Assert.Equal([SmallRoom.East, SmallRoom.West], row.FoldedGroups.Order());
    }

    [Theory]
    [InlineData(Role.Facilitator)]
    [InlineData(Role.Delegate)]
    [InlineData(Role.Observer)]
    public void AViewerGetsTheSameMatrixOverHttpAsInAPush(Role role)
    {
        var (room, consensus) = AMatrix(ConfidentialityMode.ChathamHouse);
        var participant = room.Dialogue.Roster.Values.FirstOrDefault(m => m.Role == role)?.ParticipantId ?? room.Add(role, SmallRoom.North);
        var viewer = Viewer.Of(room.Dialogue, participant)!;

        var answered = ViewsOf.Consensus(consensus, room.Statement, viewer);
        // The push path: live figures as the grain published them, or the node's release rendering.
        var released = Disclosure.Released(room.Statement, room.Dialogue);
        var pushed = ConsensusVisibility.SeesLiveFigures(room.Dialogue, role)
            ? Assert.Single(PushRendering.Consensus(room.DialogueId, consensus, room.Dialogue, [role])).Update
            : Assert.Single(PushRendering.Released(room.DialogueId, released, released.Clauses, [], room.Dialogue, [role])).Update;

        Assert.Equal(Domain.DomainJson.Serialize(answered.Clauses), Domain.DomainJson.Serialize(pushed.Clauses));
        Assert.Equal((room.DialogueId, consensus.StatementId, consensus.Version, consensus.HasConsensus),
            (pushed.DialogueId, pushed.StatementId, pushed.Version, pushed.HasConsensus));
    }

    [Theory]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Delegate)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Observer)]
    [InlineData(ConfidentialityMode.Anonymous, Role.Facilitator)]
    public void BetweenReleasesAReleaseViewerSeesTheLastReleaseWithChangesPendingAndNoLivePush(ConfidentialityMode mode, Role role)
    {
        var (room, _) = AMatrix(mode);
        var clause = room.Statement.ClauseOrder[0];
        var released = Seen(room, room.Consensus(), role);
        var late = room.AddDelegates(2, SmallRoom.North);
        foreach (var member in late)
            room.Take(member, clause, PositionKind.Block);
        room.Must(new ReleaseFigures(ReleaseTrigger.Threshold), room.Facilitator); // two changes: below k, nothing released

        var live = room.Consensus();
        var seen = Assert.Single(Seen(room, live, role).Clauses);

        Assert.Equal(2, Assert.Single(live.Clauses).Dimensions[0].Total.Block);
        Assert.Equal(0, seen.Dimensions[0].Total.Block);
        Assert.Equal(Domain.DomainJson.Serialize(Assert.Single(released.Clauses).Dimensions), Domain.DomainJson.Serialize(seen.Dimensions));
        Assert.True(seen.Release!.ChangesPending);
        Assert.Empty(PushRendering.Consensus(room.DialogueId, live, room.Dialogue, [role]));
    }
}
