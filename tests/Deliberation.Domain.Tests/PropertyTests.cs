using CsCheck;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>Properties that hold for any counts, rule, roster or session, checked with CsCheck.</summary>
public sealed class PropertyTests
{
    private const int ArithmeticIterations = 2_000;
    private const int EngineIterations = 250;

    /// <summary>A group: counts per kind and how many are silent; members is their sum.</summary>
    private static readonly Gen<(PositionCounts Counts, int Members)> Group =
        Gen.Int[0, 3].Array[7].Select(n => (new PositionCounts(n[0], n[1], n[2], n[3], n[4], n[5]), n.Sum()));

    private static readonly Gen<ConsensusRule> Rule = RandomRoom.Rule;

    // ---- arithmetic ----

    [Fact]
    public void MovingAMemberToSupportNeverRaisesNeeded() =>
        Gen.Select(Group, Rule, Gen.Int[0, 5]).Sample((group, rule, from) =>
        {
            var (counts, members) = group;
            var silent = members - counts.Responded - counts.Stale;
            if (Pool(counts, silent, from) == 0)
                return;
            var moved = MoveToSupport(counts, from);
            var before = ConsensusArithmetic.Needed(counts, members, rule);
            var after = ConsensusArithmetic.Needed(moved, members, rule);
            Assert.True(after <= before, $"needed rose from {before} to {after}");
            // One person moving can close the gap by one at most.
            Assert.True(after >= before - 1, $"needed fell from {before} to {after}");
        }, iter: ArithmeticIterations);

    [Fact]
    public void NeededIsTheFewestMovesThatMeetTheRule() =>
        Gen.Select(Group, Rule).Sample((group, rule) =>
        {
            var (counts, members) = group;
            var needed = ConsensusArithmetic.Needed(counts, members, rule);
            var fewest = FewestMovesByBruteForce(counts, members, rule);
            Assert.Equal(fewest, needed);
            Assert.Equal(needed == 0, members == 0 || ConsensusArithmetic.MeetsRule(counts, members, rule));
        }, iter: ArithmeticIterations);

    [Fact]
    public void MeetingTheRuleNeedsTheQuorumTheShareAndNoVetoedBlock() =>
        Gen.Select(Group, Rule).Sample((group, rule) =>
        {
            var (counts, members) = group;
            var expected = members > 0
                && counts.Responded >= Math.Ceiling(Math.Round((decimal)rule.Quorum * members, 9))
                && counts.Decided > 0 && (double)counts.Agreeing / counts.Decided >= rule.Threshold
                && (!rule.BlockIsVeto || counts.Block == 0);
            Assert.Equal(expected, ConsensusArithmetic.MeetsRule(counts, members, rule));
        }, iter: ArithmeticIterations);

    [Fact]
    public void RenderedBracketedTextParsesToTheSameSlots() =>
        Gen.Char["ab |[]"].Array[0, 24].Select(c => new string(c)).Sample(text =>
        {
            var parsed = BracketedText.Parse(text);
            var rendered = parsed.Render();
            Assert.Equal(rendered, BracketedText.Parse(rendered).Render());
            var ids = parsed.Slots.SelectMany(s => s.Options).Select(o => o.Id).ToArray();
            Assert.Equal(ids, BracketedText.Parse(rendered).Slots.SelectMany(s => s.Options).Select(o => o.Id).ToArray());
            Assert.Equal(ids.Length, ids.Distinct().Count());
            Assert.All(parsed.Slots, s => Assert.True(s.Options.Length >= 2));
        }, iter: ArithmeticIterations);

    // ---- the engine ----

    [Fact]
    public void MovingAMemberToSupportNeverRaisesNeededInAnyGroup() =>
        Gen.Select(RandomRoom.Seats, Rule, RandomRoom.Ops, Gen.Int[0, 99]).Sample((seats, rule, ops, who) =>
        {
            var (dialogue, members) = RandomRoom.Build(seats, rule);
            var clauses = RandomRoom.Clauses(dialogue);
            dialogue.InPhase(Phase.Drafting);
            foreach (var op in ops)
            {
                var (command, actor) = RandomRoom.Read(dialogue, members, clauses, op, wild: false);
                dialogue.Decide(command, actor);
            }
            var voter = members[who % members.Length];
            var clause = clauses[who % clauses.Length];
            var before = Needs(dialogue, clause);
            var decision = dialogue.Decide(new TakePosition(clause, dialogue.ClauseOf(clause).CurrentRevision, PositionKind.Support), voter);
            if (!decision.IsAccepted)
                return; // not a voter, or the clause was withdrawn
            var after = Needs(dialogue, clause);
            foreach (var (group, needed) in before)
                Assert.True(after[group] <= needed, $"{group}: needed rose from {needed} to {after[group]}");
        }, iter: EngineIterations);

    [Fact]
    public void IncrementalConsensusEqualsAFullRecomputation() =>
        Gen.Select(RandomRoom.Seats, Rule, RandomRoom.Ops).Sample((seats, rule, ops) =>
        {
            var (dialogue, members) = RandomRoom.Build(seats, rule);
            // Started before any clause exists, so it sees every clause being added too.
            var tracker = ConsensusTracker.Start(dialogue.Dialogue, dialogue.Statement);
            dialogue.StatementEventApplied += tracker.Observe;
            var clauses = RandomRoom.Clauses(dialogue);
            dialogue.InPhase(Phase.Drafting);
            AssertSame(ConsensusCalculator.Compute(dialogue.Dialogue, dialogue.Statement), tracker.Snapshot());
            foreach (var op in ops)
            {
                var (command, actor) = RandomRoom.Read(dialogue, members, clauses, op, wild: false);
                if (dialogue.Decide(command, actor).IsAccepted)
                    AssertSame(ConsensusCalculator.Compute(dialogue.Dialogue, dialogue.Statement), tracker.Snapshot());
            }
            Assert.Equal(ConsensusCalculator.Compute(dialogue.Dialogue, dialogue.Statement).HasConsensus, tracker.HasConsensus);
        }, iter: EngineIterations);

    [Fact]
    public void ReplayingTheEventsGivesTheSameState() =>
        Gen.Select(RandomRoom.Seats, Rule, RandomRoom.Ops).Sample((seats, rule, ops) =>
        {
            var (dialogue, members) = Session(seats, rule, ops, (_, _, _) => { });
            Assert.Equal(
                DomainJson.Serialize(dialogue.Statement),
                DomainJson.Serialize(Statement.Replay(dialogue.StatementId, dialogue.StatementHistory)));
            Assert.Equal(
                DomainJson.Serialize(dialogue.Dialogue),
                DomainJson.Serialize(Dialogue.Replay(dialogue.DialogueId, dialogue.DialogueHistory)));
        }, iter: EngineIterations);

    [Fact]
    public void ARejectedCommandChangesNothing()
    {
        var rejected = 0;
        Gen.Select(RandomRoom.Seats, Rule, RandomRoom.Ops).Sample((seats, rule, ops) =>
        {
            Session(seats, rule, ops, (decision, before, after) =>
            {
                if (decision.IsAccepted)
                    return;
                Interlocked.Increment(ref rejected);
                Assert.Empty(decision.Events);
                Assert.False(string.IsNullOrEmpty(decision.Error!.Rule));
                Assert.Equal(before, after);
            });
        }, iter: EngineIterations);
        Assert.True(rejected > EngineIterations, $"Only {rejected} commands were refused: the generator is too tame to test this.");
    }

    /// <summary>
    /// Runs a wild session — phases move, texts freeze and get signed, many commands are refused — and
    /// reports each statement decision with the serialized state before and after.
    /// </summary>
    private static (DialogueBuilder Dialogue, Guid[] Members) Session(
        (int Role, int Region, int Sector)[] seats, ConsensusRule rule, (int Kind, int A, int B, int C)[] ops,
        Action<Decision<StatementEvent>, string, string> observe)
    {
        var (dialogue, members) = RandomRoom.Build(seats, rule);
        var clauses = RandomRoom.Clauses(dialogue);
        foreach (var op in ops)
        {
            if (op.A % 5 == 0)
            {
                // A phase move — mostly the next phase — by the facilitator or by whoever the op names.
                var actor = op.C % 3 != 0 ? dialogue.Facilitator : members[op.B % members.Length];
                var target = op.B % 4 == 0 ? (Phase)(op.B % 6) : (Phase)Math.Min((int)dialogue.Dialogue.Phase + 1, (int)Phase.Closed);
                var dialogueBefore = DomainJson.Serialize(dialogue.Dialogue);
                var moved = dialogue.Decide(new SetPhase(target), actor);
                if (!moved.IsAccepted)
                {
                    Assert.Empty(moved.Events);
                    Assert.Equal(dialogueBefore, DomainJson.Serialize(dialogue.Dialogue));
                }
                continue;
            }
            var (command, by) = op.A % 10 == 1
                ? ((StatementCommand)dialogue.Freeze(), dialogue.Facilitator)
                : op.A % 10 == 2 || op.A % 10 == 3 && dialogue.Statement.Frozen is not null
                    ? (new Sign(null, SignatureCapacity.Personal, op.C % 3 == 0 ? "00" : dialogue.Statement.Frozen?.Hash ?? ""), members[op.B % members.Length])
                    : RandomRoom.Read(dialogue, members, clauses, op, wild: true);
            var before = DomainJson.Serialize(dialogue.Statement);
            var decision = dialogue.Decide(command, by);
            observe(decision, before, DomainJson.Serialize(dialogue.Statement));
        }
        return (dialogue, members);
    }

    private static Dictionary<string, int> Needs(DialogueBuilder dialogue, Guid clause) =>
        dialogue.ConsensusOf(clause).Dimensions.SelectMany(d => d.Groups.Select(g => ($"{d.Name}/{g.Group}", g.Needed))).ToDictionary();

    private static void AssertSame(StatementConsensus full, StatementConsensus incremental) =>
        Assert.Equal(DomainJson.Serialize(full), DomainJson.Serialize(incremental));

    /// <summary>How many there are to move from: 0 silent, 1 stale, 2 stand aside, 3 oppose, 4 block, 5 accept.</summary>
    private static int Pool(PositionCounts c, int silent, int from) => from switch
    {
        0 => silent,
        1 => c.Stale,
        2 => c.StandAside,
        3 => c.Oppose,
        4 => c.Block,
        _ => c.Accept,
    };

    private static PositionCounts MoveToSupport(PositionCounts c, int from) => from switch
    {
        0 => c with { Support = c.Support + 1 },
        1 => c with { Support = c.Support + 1, Stale = c.Stale - 1 },
        2 => c with { Support = c.Support + 1, StandAside = c.StandAside - 1 },
        3 => c with { Support = c.Support + 1, Oppose = c.Oppose - 1 },
        4 => c with { Support = c.Support + 1, Block = c.Block - 1 },
        _ => c with { Support = c.Support + 1, Accept = c.Accept - 1 },
    };

    /// <summary>Tries every way of moving silent, stale, stand-aside, opposing and blocking members to Support.</summary>
    private static int FewestMovesByBruteForce(PositionCounts c, int members, ConsensusRule rule)
    {
        if (members == 0)
            return 0;
        var silent = members - c.Responded - c.Stale;
        var fewest = int.MaxValue;
        for (var si = 0; si <= silent; si++)
        for (var st = 0; st <= c.Stale; st++)
        for (var sa = 0; sa <= c.StandAside; sa++)
        for (var op = 0; op <= c.Oppose; op++)
        for (var bl = 0; bl <= c.Block; bl++)
        {
            var moves = si + st + sa + op + bl;
            var after = new PositionCounts(c.Support + moves, c.Accept, c.StandAside - sa, c.Oppose - op, c.Block - bl, c.Stale - st);
            if (moves < fewest && ConsensusArithmetic.MeetsRule(after, members, rule))
                fewest = moves;
        }
        Assert.NotEqual(int.MaxValue, fewest); // everyone supporting always meets the rule
        return fewest;
    }
}
