using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>Revisions and the positions bound to them (docs/domain.md, Statement and clauses).</summary>
public sealed class RevisionTests
{
    private readonly DialogueBuilder dialogue = new();
    private readonly Guid[] china;
    private readonly Guid clause;

    public RevisionTests()
    {
        china = dialogue.AddDelegates(3, China);
        clause = dialogue.Clause("Leading developers should spend at least one third of AI R&D on safety.", ClauseKind.Principle);
        dialogue.InPhase(Phase.Drafting);
        dialogue.Take(china, clause, PositionKind.Support);
    }

    [Fact]
    public void EveryTextChangeIsARevisionWithAuthorKindAndRationale()
    {
        dialogue.Revise(clause, "Leading developers should spend at least a third of AI R&D on safety.", RevisionKind.Editorial, "Style");

        var revision = dialogue.ClauseOf(clause).Current;
        Assert.Equal(2, revision.Number);
        Assert.Equal(dialogue.Facilitator, revision.Author);
        Assert.Equal(RevisionKind.Editorial, revision.Kind);
        Assert.Equal(RevisionSource.Edit, revision.Source);
        Assert.Equal("Style", revision.Rationale);
        Assert.Equal(2, dialogue.ClauseOf(clause).Revisions.Count);
    }

    [Fact]
    public void SubstantiveRevisionMakesEarlierPositionsStale()
    {
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(clause));

        dialogue.Revise(clause, "Leading developers should spend at least 10% of AI R&D on safety.", RevisionKind.Substantive);

        var group = dialogue.Group(clause, Region, China);
        Assert.Equal((3, 0, 0, 0), (group.Stale, group.Support, group.Silent, group.Counts.Responded));
        Assert.Equal(2, group.Needed);
        Assert.Equal(ClauseStatus.Pending, dialogue.StatusOf(clause));
        // Stale positions stay visible: they are kept, just not counted.
        Assert.All(china, m => Assert.Equal(1, dialogue.ClauseOf(clause).Positions[m].Revision));
        Assert.All(china, m => Assert.False(dialogue.ClauseOf(clause).IsCurrent(dialogue.ClauseOf(clause).Positions[m])));
    }

    [Fact]
    public void EditorialRevisionCarriesPositionsOver()
    {
        dialogue.Revise(clause, "Leading developers should spend at least one-third of AI R&D on safety.", RevisionKind.Editorial);

        var group = dialogue.Group(clause, Region, China);
        Assert.Equal((0, 3), (group.Stale, group.Support));
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(clause));
    }

    [Fact]
    public void ReconfirmingMakesAPositionCurrentAgain()
    {
        dialogue.Revise(clause, "Leading developers should spend at least 10% of AI R&D on safety.", RevisionKind.Substantive);
        dialogue.Take(china[0], clause, PositionKind.Support);

        var group = dialogue.Group(clause, Region, China);
        Assert.Equal((2, 1, 1), (group.Stale, group.Support, group.Counts.Responded));
        Assert.Equal(2, dialogue.ClauseOf(clause).Positions[china[0]].Revision);

        dialogue.Take(china[1], clause, PositionKind.Accept);
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(clause));
    }

    [Fact]
    public void PositionOnARevisionBeforeASubstantiveChangeIsRefused()
    {
        dialogue.Revise(clause, "Leading developers should spend at least 10% of AI R&D on safety.", RevisionKind.Substantive);

        var error = dialogue.Refused(new TakePosition(clause, 1, PositionKind.Support), china[0]);
        Assert.Equal(("position.stale-revision", ErrorKind.Conflict), (error.Rule, error.Kind));
    }

    [Fact]
    public void PositionReadOnARevisionBeforeAnEditorialChangeIsBoundToTheCurrentRevision()
    {
        dialogue.Revise(clause, "Leading developers should spend at least one-third of AI R&D on safety.", RevisionKind.Editorial);
        dialogue.Must(new TakePosition(clause, 1, PositionKind.Oppose), china[0]);

        Assert.Equal(2, dialogue.ClauseOf(clause).Positions[china[0]].Revision);
        Assert.Equal(1, dialogue.Group(clause, Region, China).Oppose);
    }

    [Fact]
    public void PositionOnARevisionThatDoesNotExistYetIsRefused()
    {
        var error = dialogue.Refused(new TakePosition(clause, 2, PositionKind.Support), china[0]);
        Assert.Equal(("revision.unknown", ErrorKind.Invalid), (error.Rule, error.Kind));
    }

    [Fact]
    public void StaleBlockNoLongerBlocks()
    {
        dialogue.Take(china[0], clause, PositionKind.Block);
        Assert.Equal(ClauseStatus.Blocked, dialogue.StatusOf(clause));

        dialogue.Revise(clause, "Leading developers should spend at least 10% of AI R&D on safety.", RevisionKind.Substantive);
        Assert.NotEqual(ClauseStatus.Blocked, dialogue.StatusOf(clause));
        Assert.Equal(0, dialogue.Group(clause, Region, China).Block);
    }

    [Fact]
    public void StaleCountsSurviveALaterEditorialRevision()
    {
        dialogue.Revise(clause, "Leading developers should spend at least 10% of AI R&D on safety.", RevisionKind.Substantive);
        dialogue.Take(china[0], clause, PositionKind.Support);
        dialogue.Revise(clause, "Leading developers should spend at least 10 % of AI R&D on safety.", RevisionKind.Editorial);

        var group = dialogue.Group(clause, Region, China);
        Assert.Equal((2, 1), (group.Stale, group.Support));
    }

    [Fact]
    public void RevisingToTheSameTextIsRefused()
    {
        var error = dialogue.Refused(new ReviseClause(clause, 1, "  Leading developers should spend at least one third of AI R&D on safety.  ", RevisionKind.Editorial, null), dialogue.Facilitator);
        Assert.Equal("revision.unchanged", error.Rule);
    }
}
