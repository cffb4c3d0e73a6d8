using CsCheck;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>
/// The count over a position table's flat cells (<see cref="ClauseTally.Count"/>) equals the count
/// it replaced — each position in turn, its voter looked up by id — on random rooms and sessions,
/// for states replayed from events and states read back from a snapshot alike.
/// </summary>
public sealed class FlatCountPropertyTests
{
    private const int Iterations = 250;

    [Fact]
    public void CountingTheFlatCellsEqualsCountingPositionByPosition() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops, Gen.Int[0, 999]).Sample((seats, rule, ops, leavers) =>
        {
            var (dialogue, members) = Session(seats, rule, ops);
            // Some who took positions leave the roster or stop voting: their cells stay and are never counted.
            foreach (var (member, i) in members.Select((m, i) => (m, i)).Where(m => (leavers >> m.i) % 4 == 0))
                dialogue.Decide(i % 2 == 0 ? new RemoveMember(member) : new UpdateMember(dialogue.Dialogue.Roster[member] with { Role = Role.Observer }), dialogue.Convener);

            var roster = new RosterIndex(dialogue.Dialogue);
            var loaded = DomainJson.Deserialize<StatementState>(DomainJson.Serialize(dialogue.Statement));
            foreach (var statement in new[] { dialogue.Statement, loaded })
                foreach (var clause in statement.Clauses.Values)
                    foreach (var optionId in clause.OptionPositions.Keys.Prepend(null).Append("9.9"))
                        AssertSameTally(roster, PositionByPosition(roster, clause, optionId), ClauseTally.Count(roster, clause, optionId));
        }, iter: Iterations);

    [Fact]
    public void AReplayedStatementsTablesShareItsNumbering() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops).Sample((seats, rule, ops) =>
        {
            var (dialogue, _) = Session(seats, rule, ops);
            var statement = Statement.Replay(dialogue.StatementId, dialogue.StatementHistory);
            // One map of slots to voters then serves every clause and option (docs/performance.md).
            foreach (var table in statement.Clauses.Values.SelectMany(c => c.OptionPositions.Values.Prepend(c.Positions)))
                Assert.True(statement.Slots.Extends(table.Slots));
        }, iter: Iterations);

    [Fact]
    public void AStatementReadBackFromASnapshotComputesTheSameConsensus() =>
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops).Sample((seats, rule, ops) =>
        {
            var (dialogue, _) = Session(seats, rule, ops);
            var loaded = DomainJson.Deserialize<StatementState>(DomainJson.Serialize(dialogue.Statement));
            Assert.Equal(
                DomainJson.Serialize(ConsensusCalculator.Compute(dialogue.Dialogue, dialogue.Statement)),
                DomainJson.Serialize(ConsensusCalculator.Compute(dialogue.Dialogue, loaded)));
        }, iter: Iterations);

    private static (DialogueBuilder Dialogue, Guid[] Members) Session((int Role, int Region, int Sector)[] seats, ConsensusRule rule, (int Kind, int A, int B, int C)[] ops)
    {
        var (dialogue, members) = RandomRoom.Build(seats, rule);
        var clauses = RandomRoom.Clauses(dialogue);
        dialogue.InPhase(Phase.Drafting);
        foreach (var op in ops)
        {
            var (command, actor) = RandomRoom.Read(dialogue, members, clauses, op, wild: false);
            dialogue.Decide(command, actor);
        }
        return (dialogue, members);
    }

    /// <summary>The count as it was before the flat layout: every position in turn, its voter found by id.</summary>
    private static ClauseTally PositionByPosition(RosterIndex roster, ClauseState clause, string? optionId)
    {
        var tally = new ClauseTally(roster.Groups.Length);
        foreach (var (participant, position) in clause.PositionsOn(optionId))
            tally.Move(roster, participant, null, ClauseTally.Bucket(clause, position));
        return tally;
    }

    private static void AssertSameTally(RosterIndex roster, ClauseTally expected, ClauseTally actual)
    {
        foreach (var facilitatorsVote in new[] { false, true })
        {
            Assert.Equal(expected.AnyBlock(facilitatorsVote), actual.AnyBlock(facilitatorsVote));
            for (var group = 0; group < roster.Groups.Length; group++)
                Assert.Equal(expected.CountsOf(group, facilitatorsVote), actual.CountsOf(group, facilitatorsVote));
        }
    }
}
