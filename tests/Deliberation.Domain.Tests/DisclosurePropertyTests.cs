using System.Collections.Immutable;
using CsCheck;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>
/// docs/security.md, "Disclosure control", played by an attacker. Small rosters, one delegate per
/// Region × Sector pair, in an Anonymous dialogue; random positions (Support, Oppose, Block, StandAside)
/// by any member on one or two clauses, each committed as the statement grain does (with the Threshold
/// release), interleaved with the chair's ShowTheRoom.
/// <para>
/// The attacker is one member. She receives every <see cref="FiguresReleased"/> (figures and notes),
/// her own positions, and how many other people's position events (opaque entries) came between
/// releases. For each release of a clause she enumerates every assignment of states (silent or a
/// position) to the other members that gives exactly the released margins — every shown row's counts
/// of each kind, in every dimension — and that is reachable from a world she still held possible at
/// the clause's previous release by changing no more members than the opaque entries in between (the
/// first release starts from everyone silent). She does not use the clause status: it is computed
/// over the real groups, the one residual docs/security.md names.
/// </para>
/// <para>
/// Claim: for every position kind some other member y holds at a release, the members other than the
/// attacker who hold it in at least one world she still holds possible number at least k − 1 when she
/// is in y's cell (the same shown row in every dimension), and at least k otherwise. This is the swap
/// argument: every member of y's cell could have lived y's history, and the cell holds k.
/// </para>
/// </summary>
public sealed class DisclosurePropertyTests
{
    private const int States = 6; // silent, then 1 + PositionKind
    private const int ShowTheRoom = 4;
    private static readonly PositionKind[] Kinds = [PositionKind.Support, PositionKind.Oppose, PositionKind.Block, PositionKind.StandAside];

    private sealed record Room(DialogueBuilder Dialogue, Guid[] Members, Guid[] Clauses, int K);

    private static Room Build(int regions, int sectors, int k, int clauses)
    {
        var dimensions = ImmutableArray.Create(
            new Dimension(Region, [.. Enumerable.Range(0, regions).Select(i => $"R{i}")]),
            new Dimension(Sector, [.. Enumerable.Range(0, sectors).Select(i => $"S{i}")]));
        var dialogue = new DialogueBuilder(confidentiality: ConfidentialityMode.Anonymous, minimumGroupSize: k, dimensions: dimensions);
        var members = (from r in dimensions[0].Groups from s in dimensions[1].Groups select dialogue.AddMember(region: r, sector: s)).ToArray();
        var ids = Enumerable.Range(0, clauses).Select(i => dialogue.Clause($"Clause {i + 1}.")).ToArray();
        dialogue.InPhase(Phase.Deliberation);
        return new Room(dialogue, members, ids, k);
    }

    private static void Play(Room room, IEnumerable<(int Kind, int Member, int Clause)> ops)
    {
        foreach (var (kind, member, clause) in ops)
        {
            if (kind == ShowTheRoom)
                Assert.True(room.Dialogue.DecideAsTheGrain([new ReleaseFigures(ReleaseTrigger.ShowTheRoom)], room.Dialogue.Facilitator).IsAccepted);
            else
                room.Dialogue.TakeAsTheGrain(room.Members[member % room.Members.Length], room.Clauses[clause % room.Clauses.Length], Kinds[kind]);
        }
    }

    private static readonly Gen<(int Kind, int Member, int Clause)[]> Ops =
        Gen.Select(Gen.Int[0, ShowTheRoom], Gen.Int[0, 8], Gen.Int[0, 1]).Array[1, 24];

    [Theory]
    [InlineData(2, 2, 2, 400)]
    [InlineData(2, 3, 2, 200)]
    [InlineData(2, 3, 3, 200)]
    [InlineData(3, 3, 2, 100)]
    [InlineData(3, 3, 3, 100)]
    public void NoReleaseNarrowsAPositionBelowItsCell(int regions, int sectors, int k, int iterations) =>
        Gen.Select(Ops, Gen.Int[0, regions * sectors - 1], Gen.Int[1, 2]).Sample((ops, attacker, clauses) =>
        {
            var room = Build(regions, sectors, k, clauses);
            Play(room, ops);
            var violations = Violations(room, attacker, (_, release) => release.Figures);
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }, iter: iterations);

    /// <summary>The checker can fail: with each dimension folded on its own, a lone blocker is China ∩ Academia.</summary>
    [Fact]
    public void PerDimensionFoldingAlone_LetsTheAttackerFindALoneBlocker()
    {
        var room = Build(2, 2, k: 2, clauses: 1);
        // Member 0 is (R0, S0), member 3 (R1, S1): two changers reach k = 2, and the figures are released.
        Play(room, [(2, 0, 0), (0, 3, 0)]);
        Assert.Contains(room.Dialogue.StatementHistory, h => h.Event is FiguresReleased);
        var roster = new RosterIndex(room.Dialogue.Dialogue);

        var perDimension = Violations(room, attacker: 3, (state, release) =>
            PerDimensionFolding(ConsensusCalculator.EvaluateClause(roster, room.Dialogue.Dialogue.Rules, state.Clauses[release.ClauseId]), room.K, room.Dialogue.Dialogue.Rules.For(ClauseKind.Other)));
        var cellSafe = Violations(room, attacker: 3, (_, release) => release.Figures);

        Assert.NotEmpty(perDimension);
        Assert.Empty(cellSafe);
    }

    /// <summary>What the attacker can rule out, release by release; every way the claim fails, in words.</summary>
    private static List<string> Violations(Room room, int attacker, Func<StatementState, ClauseRelease, ClauseConsensus> figuresOf)
    {
        var dialogue = room.Dialogue.Dialogue;
        var n = room.Members.Length;
        var index = room.Members.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var truth = room.Clauses.ToDictionary(c => c, _ => new int[n]);
        var possible = room.Clauses.ToDictionary(c => c, _ => new List<int[]> { new int[n] });
        var opaqueAtRelease = room.Clauses.ToDictionary(c => c, _ => 0);
        var opaque = 0;
        var violations = new List<string>();
        var state = StatementState.Initial(room.Dialogue.StatementId);
        foreach (var (e, meta) in room.Dialogue.StatementHistory)
        {
            state = Statement.Apply(state, e, meta);
            if (e is PositionTaken p && index.TryGetValue(p.ParticipantId, out var who))
            {
                truth[p.ClauseId][who] = 1 + (int)p.Position;
                if (who != attacker)
                    opaque++;
            }
            if (e is not FiguresReleased released)
                continue;
            foreach (var release in released.Clauses)
            {
                var figures = figuresOf(state, release);
                var rowOf = RowsOf(figures, dialogue, room.Members);
                var consistent = Consistent(figures, rowOf, attacker, truth[release.ClauseId][attacker]);
                var entries = opaque - opaqueAtRelease[release.ClauseId];
                var before = possible[release.ClauseId];
                var now = consistent.Where(w => before.Any(b => Distance(b, w, attacker) <= entries)).ToList();
                var actual = truth[release.ClauseId];
                Assert.True(now.Any(w => w.SequenceEqual(actual)), "The attacker's inference ruled out the true world: the checker is wrong.");
                possible[release.ClauseId] = now;
                opaqueAtRelease[release.ClauseId] = opaque;

                var cellOf = rowOf.Select(rows => string.Join("|", rows)).ToArray();
                for (var y = 0; y < n; y++)
                {
                    if (y == attacker || actual[y] == 0)
                        continue;
                    var kind = actual[y];
                    var candidates = Enumerable.Range(0, n).Count(x => x != attacker && now.Any(w => w[x] == kind));
                    var required = cellOf[y] == cellOf[attacker] ? room.K - 1 : room.K;
                    if (candidates < required)
                        violations.Add($"release at v{meta.Version}: {(PositionKind)(kind - 1)} of member {y} narrowed to {candidates} < {required} (attacker {attacker}, cell {cellOf[y]})");
                }
            }
        }
        return violations;
    }

    /// <summary>Each member's shown row per dimension: her group's own row, or the folded row holding it.</summary>
    private static int[][] RowsOf(ClauseConsensus figures, DialogueState dialogue, Guid[] members) =>
        [.. members.Select(id => figures.Dimensions.Select(d =>
        {
            var group = dialogue.Roster[id].GroupIn(d.Name);
            return d.Groups.IndexOf(d.Groups.Single(g => g.Group == group || (!g.FoldedGroups.IsDefault && g.FoldedGroups.Contains(group!))));
        }).ToArray())];

    /// <summary>Every assignment of states to the others, the attacker's own fixed, that gives exactly the released counts of every shown row.</summary>
    private static List<int[]> Consistent(ClauseConsensus figures, int[][] rowOf, int attacker, int attackerState)
    {
        var target = figures.Dimensions.Select(d => d.Groups.Select(g => new[] { g.Silent, g.Support, g.Accept, g.StandAside, g.Oppose, g.Block }).ToArray()).ToArray();
        var counts = target.Select(d => d.Select(_ => new int[States]).ToArray()).ToArray();
        var n = rowOf.Length;
        var world = new int[n];
        var worlds = new List<int[]>();
        bool Fits(int member, int s) => Enumerable.Range(0, target.Length).All(d => counts[d][rowOf[member][d]][s] < target[d][rowOf[member][d]][s]);
        void Count(int member, int s, int delta)
        {
            for (var d = 0; d < target.Length; d++)
                counts[d][rowOf[member][d]][s] += delta;
        }
        // Every row's members are all assigned and no count passes its target, so every count meets it.
        void Assign(int member)
        {
            if (member == n)
            {
                worlds.Add((int[])world.Clone());
                return;
            }
            if (member == attacker)
            {
                Assign(member + 1);
                return;
            }
            for (var s = 0; s < States; s++)
            {
                if (!Fits(member, s))
                    continue;
                world[member] = s;
                Count(member, s, +1);
                Assign(member + 1);
                Count(member, s, -1);
            }
        }
        if (!Fits(attacker, attackerState))
            return worlds;
        world[attacker] = attackerState;
        Count(attacker, attackerState, +1);
        Assign(0);
        return worlds;
    }

    private static int Distance(int[] a, int[] b, int attacker) => Enumerable.Range(0, a.Length).Count(i => i != attacker && a[i] != b[i]);

    /// <summary>The folding before issue 9: each dimension on its own, groups below k into "Other groups".</summary>
    private static ClauseConsensus PerDimensionFolding(ClauseConsensus clause, int k, ConsensusRule rule) => clause with
    {
        Dimensions = [.. clause.Dimensions.Select(d =>
        {
            var folded = ConsensusRedaction.GroupsToFold([.. d.Groups.Select(g => (g.Group, g.Members))], k);
            if (folded.Count == 0)
                return d;
            var hidden = d.Groups.Where(g => folded.Contains(g.Group)).ToArray();
            var row = ClauseEvaluator.Group(ConsensusRedaction.FoldedRowName, hidden.Aggregate(default(PositionCounts), (sum, g) => sum + g.Counts), hidden.Sum(g => g.Members), rule, [.. hidden.Select(g => g.Group)]);
            return d with { Groups = [.. d.Groups.Where(g => !folded.Contains(g.Group)), row] };
        })],
    };
}
