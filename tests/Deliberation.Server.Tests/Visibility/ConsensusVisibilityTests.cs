using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Tests.Visibility;

/// <summary>The consensus matrix per viewer: who sees small groups folded, and the same for a request and a push.</summary>
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
        return (room, room.Consensus());
    }

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

        var rows = RegionRows(ConsensusVisibility.For(consensus, room.Dialogue, role));

        Assert.Equal(folded
            ? [SmallRoom.North, SmallRoom.South, ConsensusRedaction.FoldedRowName]
            : [SmallRoom.North, SmallRoom.South, SmallRoom.East, SmallRoom.West], rows);
    }

    [Fact]
    public void TheFoldedRowHoldsWhatTheSmallGroupsHeld()
    {
        var (room, consensus) = AMatrix(ConfidentialityMode.Anonymous);

        var region = Assert.Single(ConsensusVisibility.For(consensus, room.Dialogue, Role.Delegate).Clauses).Dimensions.Single(d => d.Name == SmallRoom.Region);
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

        var answered = ViewsOf.Consensus(consensus, viewer);
        var pushed = ConsensusVisibility.Update(room.DialogueId, consensus, room.Dialogue, role);

        Assert.Equal(Domain.DomainJson.Serialize(answered.Clauses), Domain.DomainJson.Serialize(pushed.Clauses));
        Assert.Equal((room.DialogueId, consensus.StatementId, consensus.Version, consensus.HasConsensus),
            (pushed.DialogueId, pushed.StatementId, pushed.Version, pushed.HasConsensus));
    }
}
