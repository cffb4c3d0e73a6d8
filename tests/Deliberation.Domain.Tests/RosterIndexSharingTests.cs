using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>
/// <see cref="RosterIndex.Of"/> shares one index among the states of a dialogue that hold the same
/// roster and dimensions, and never hands out one that counts a roster or dimensions it was not built for.
/// </summary>
public sealed class RosterIndexSharingTests
{
    [Fact]
    public void StatesThatKeepTheRosterShareOneIndex()
    {
        var dialogue = new DialogueBuilder();
        dialogue.AddDelegates(3, region: China, sector: Academia);
        var index = RosterIndex.Of(dialogue.Dialogue);

        dialogue.InPhase(Phase.Deliberation);

        Assert.Same(index, RosterIndex.Of(dialogue.Dialogue));
    }

    [Fact]
    public void AJoinOrAChangeOfGroupGetsAnIndexThatCountsIt()
    {
        var dialogue = new DialogueBuilder();
        var delegates = dialogue.AddDelegates(3, region: China, sector: Academia);
        var before = RosterIndex.Of(dialogue.Dialogue);

        dialogue.AddMember(region: Europe, sector: Industry);
        var afterJoin = RosterIndex.Of(dialogue.Dialogue);
        var moved = dialogue.Dialogue.Roster[delegates[0]] with { Groups = dialogue.Dialogue.Roster[delegates[0]].Groups.SetItem(Region, GlobalSouth) };
        var afterMove = RosterIndex.Of(Dialogue.Apply(dialogue.Dialogue, new MemberUpdated(moved), Meta(dialogue)));

        Assert.NotSame(before, afterJoin);
        Assert.Equal(4, afterJoin.DelegateMembers.Sum() / afterJoin.Dimensions.Length);
        Assert.Equal(1, Members(afterJoin, Europe));
        Assert.Equal(3, Members(afterJoin, China));
        Assert.Equal(2, Members(afterMove, China));
        Assert.Equal(1, Members(afterMove, GlobalSouth));
        // The index handed out before is what it was: the states that hold the old roster still count on it.
        Assert.Equal(3, Members(before, China));
    }

    [Fact]
    public void NewDimensionsOnTheSameRosterGetTheirOwnIndex()
    {
        var dialogue = new DialogueBuilder();
        dialogue.AddDelegates(2, region: China, sector: Academia);
        var both = RosterIndex.Of(dialogue.Dialogue);
        var regionOnly = Dialogue.Apply(dialogue.Dialogue, new DimensionsDefined([StandardDimensions[0]]), Meta(dialogue));

        var index = RosterIndex.Of(regionOnly);

        Assert.Same(dialogue.Dialogue.Roster, regionOnly.Roster);
        Assert.NotSame(both, index);
        Assert.Equal([Region], index.Dimensions.Select(d => d.Name));
        Assert.Equal(both.Dimensions.Length, RosterIndex.Of(dialogue.Dialogue).Dimensions.Length);
    }

    private static int Members(RosterIndex index, string group) =>
        index.DelegateMembers[index.Groups.IndexOf(index.Groups.Single(g => g.Group == group))];

    private static EventMeta Meta(DialogueBuilder dialogue) => new(dialogue.Dialogue.Version + 1, dialogue.Now, dialogue.Facilitator);
}
