using System.Text;
using CsCheck;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>
/// A statement read back from JSON has each position table numbered on its own; <see cref="Statement.NumberedAsOne"/>
/// puts them on one numbering, as the domain keeps them, and changes nothing the state says, counts or goes on to.
/// <see cref="Statement.ReadNumberedAsOneAsync"/> numbers them so as it reads, to the same effect.
/// </summary>
public sealed class OneNumberingTests
{
    [Fact]
    public void AStatementReadBackIsPutOnOneNumberingAndSaysCountsAndGoesOnTheSame() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops).Sample((seats, rule, ops) =>
        {
            var dialogue = ReviewPropertyTests.History(seats, rule, ops);
            AssertAsKept(dialogue, Statement.NumberedAsOne(DomainJson.Deserialize<StatementState>(DomainJson.Serialize(dialogue.Statement))));
        }, iter: 100);

    [Fact]
    public async Task AStatementNumberedAsItIsReadSaysCountsAndGoesOnTheSame() =>
        await Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops).SampleAsync(async (seats, rule, ops) =>
        {
            var dialogue = ReviewPropertyTests.History(seats, rule, ops);
            AssertAsKept(dialogue, await Statement.ReadNumberedAsOneAsync(new MemoryStream(Encoding.UTF8.GetBytes(DomainJson.Serialize(dialogue.Statement)))));
        }, iter: 100);

    [Fact]
    public async Task EqualPositionsAreReadAsOneAndTheReadingEndsWithIt()
    {
        var (dialogue, members, first) = TwoClausesTakenInOppositeOrders();
        // As an import records them: one time, one kind, one revision, no note; each its own object here.
        var same = new Position(PositionKind.Support, 1, null, DateTimeOffset.UnixEpoch);
        var statement = dialogue.Statement;
        statement = statement with
        {
            Clauses = statement.Clauses.SetItem(first, statement.Clauses[first] with { Positions = PositionTable.Of(members.Select(m => KeyValuePair.Create(m, same with { }))) }),
        };
        var json = DomainJson.Serialize(statement);

        var read = await Statement.ReadNumberedAsOneAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var afterwards = DomainJson.Deserialize<StatementState>(json);

        Assert.Equal(members.Length, read.Clauses[first].Positions.Count);
        Assert.Single(read.Clauses[first].Positions.Values.Distinct(ReferenceEqualityComparer.Instance));
        Assert.Equal(members.Length, afterwards.Clauses[first].Positions.Values.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(members.Length, read.Slots.Count);
        // A read after it, in the same flow, is an ordinary read again: each table numbered apart.
        Assert.Contains(Tables(afterwards), table => !afterwards.Slots.Extends(table.Slots));
    }

    [Fact]
    public void ReadBackEachTableIsNumberedApartAndAfterwardsAllShareOne()
    {
        var (dialogue, members, _) = TwoClausesTakenInOppositeOrders();
        var read = DomainJson.Deserialize<StatementState>(DomainJson.Serialize(dialogue.Statement));

        var one = Statement.NumberedAsOne(read);

        Assert.Contains(Tables(read), table => !read.Slots.Extends(table.Slots));
        Assert.All(Tables(one), table => Assert.True(one.Slots.Extends(table.Slots)));
        Assert.Equal(members.Length, one.Slots.Count);
    }

    /// <summary>The state read back, on one numbering, says, counts and goes on to what the state kept in memory does.</summary>
    private static void AssertAsKept(DialogueBuilder dialogue, StatementState read)
    {
        var kept = dialogue.Statement;
        Assert.All(Tables(read), table => Assert.True(read.Slots.Extends(table.Slots)));
        Assert.Same(read, Statement.NumberedAsOne(read));
        Assert.Equal(DomainJson.Serialize(kept), DomainJson.Serialize(read));
        Assert.Equal(DomainJson.Serialize(ConsensusCalculator.Compute(dialogue.Dialogue, kept)), DomainJson.Serialize(ConsensusCalculator.Compute(dialogue.Dialogue, read)));

        // A position after it lands as it would have on the state kept in memory.
        var clause = kept.Clauses[kept.ClauseOrder[0]];
        var next = new PositionTaken(dialogue.Dialogue.Roster.Keys.First(), clause.Id, null, clause.CurrentRevision, PositionKind.Oppose, null);
        var meta = new EventMeta(kept.Version + 1, dialogue.Now, dialogue.Facilitator);
        Assert.Equal(DomainJson.Serialize(Statement.Apply(kept, next, meta)), DomainJson.Serialize(Statement.Apply(read, next, meta)));
    }

    /// <summary>Six delegates on two clauses, the second taken in the reverse order: each table read back numbers them its own way.</summary>
    private static (DialogueBuilder Dialogue, Guid[] Members, Guid First) TwoClausesTakenInOppositeOrders()
    {
        var dialogue = new DialogueBuilder();
        var members = dialogue.AddDelegates(6);
        var first = dialogue.Clause("Red line: no autonomous replication.");
        var second = dialogue.Clause("Safety research gets a third of the budget.");
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(members, first, PositionKind.Support);
        dialogue.Take(Enumerable.Reverse(members), second, PositionKind.Support);
        return (dialogue, members, first);
    }

    private static IEnumerable<PositionTable> Tables(StatementState statement) =>
        statement.Clauses.Values.SelectMany(clause => clause.OptionPositions.Values.Prepend(clause.Positions)).Where(table => !table.IsEmpty);
}
