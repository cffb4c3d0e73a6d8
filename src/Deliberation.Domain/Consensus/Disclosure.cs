using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// Who sees live figures, and what everyone else — the room — is shown instead (docs/security.md,
/// "Disclosure control"). A viewer who does not see live figures sees only released figures, and
/// those under the room folding: the rows of every dimension are chosen so that each non-empty
/// cell (one shown row per dimension, over the voting members) holds at least k members. Any two
/// members of a cell are then interchangeable to the room: swapping their whole histories changes
/// no released margin, so any position could have been taken by any of at least k people.
/// </summary>
public static class Disclosure
{
    /// <summary>Beyond this many dimensions only the rotations of the listed order are tried, not every order.</summary>
    private const int DimensionsForEveryOrder = 4;

    private static readonly ConditionalWeakTable<DialogueState, ImmutableDictionary<string, ImmutableHashSet<string>>> Foldings = new();

    /// <summary>Attributed: everyone; Chatham House: the chairs; Anonymous: nobody.</summary>
    public static bool SeesLiveFigures(ConfidentialityMode mode, Role role) => mode switch
    {
        ConfidentialityMode.Attributed => true,
        ConfidentialityMode.ChathamHouse => role.Chairs(),
        _ => false,
    };

    /// <summary>
    /// Per dimension, the groups folded into the one row "Other groups". It depends only on the
    /// roster, dimensions, rules (who votes) and k, so every release and every viewer uses the same
    /// rows. Computed once per dialogue state.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableHashSet<string>> RoomFolding(DialogueState dialogue) =>
        Foldings.GetValue(dialogue, RoomFoldingOf);

    /// <summary>The groups of one dimension shown under the room folding: on their own, or (for the folded ones) as "Other groups".</summary>
    public static string ShownRow(ImmutableDictionary<string, ImmutableHashSet<string>> folding, string dimension, string group) =>
        folding.TryGetValue(dimension, out var folded) && folded.Contains(group) ? ConsensusRedaction.FoldedRowName : group;

    public static StatementConsensus ForRoom(StatementConsensus consensus, DialogueState dialogue) =>
        consensus with { Clauses = [.. consensus.Clauses.Select(c => ForRoom(c, dialogue))] };

    /// <summary>
    /// A clause's figures as the room may see them: folded rows summed from their groups, and every
    /// figure of a row (share, meets-rule, needed) and every group-informed consensus computed from
    /// the rows shown. The status stays the real groups' (the rule is about them).
    /// </summary>
    public static ClauseConsensus ForRoom(ClauseConsensus clause, DialogueState dialogue) =>
        Fold(clause, RoomFolding(dialogue), dialogue.Rules.For(clause.Kind));

    /// <summary>
    /// What a viewer who does not see live figures is shown of a statement: each clause as last
    /// released, or — before its first release — with every member silent.
    /// </summary>
    public static StatementConsensus Released(StatementState statement, DialogueState dialogue, DateTimeOffset? at = null)
    {
        var roster = RosterIndex.Of(dialogue);
        var clauses = statement.OrderedClauses.Select(c => Released(c, dialogue, roster)).ToImmutableArray();
        return new StatementConsensus(statement.Id, statement.Version, at, ConsensusCalculator.HasConsensus(clauses), clauses);
    }

    /// <summary>
    /// What moves what a release viewer is shown of a clause (<see cref="Released(ClauseState, DialogueState, RosterIndex)"/>):
    /// which release, whether changes are pending since, the status shown, and — before the first
    /// release, when the silent figures follow the roster and rules — the consensus basis. Read from
    /// the clause's state without computing any figure, so a push can tell cheaply whether to send one.
    /// </summary>
    public static ReleaseMark MarkOf(ClauseState clause, DialogueState dialogue)
    {
        var pending = !clause.ChangedSinceRelease.IsEmpty;
        return clause.LastRelease is { } release
            ? new(clause.LastReleaseVersion, pending, clause.Withdrawn ? ClauseStatus.Withdrawn : release.Figures.Status, -1)
            : new(0, pending, clause.Withdrawn ? ClauseStatus.Withdrawn : ClauseStatus.Pending, dialogue.ConsensusBasisVersion);
    }

    /// <summary>Whether the statement as released has consensus: its shown statuses are all the arithmetic needs.</summary>
    public static bool HasReleasedConsensus(StatementState statement, DialogueState dialogue) =>
        ConsensusCalculator.HasConsensus(statement.OrderedClauses.Select(c => MarkOf(c, dialogue).Status).ToList());

    public static ClauseConsensus Released(ClauseState clause, DialogueState dialogue, RosterIndex roster)
    {
        var pending = !clause.ChangedSinceRelease.IsEmpty;
        if (clause.LastRelease is { } release)
            return AsShown(release, clause.LastReleaseVersion, clause.LastReleaseAt, clause.LastReleaseTrigger, pending) with
            {
                // A withdrawal is public text, not a position: the room sees it at once.
                Status = clause.Withdrawn ? ClauseStatus.Withdrawn : release.Figures.Status,
            };
        var silent = clause with
        {
            Positions = PositionTable.Empty,
            OptionPositions = ImmutableDictionary<string, PositionTable>.Empty,
            Ranges = ImmutableDictionary<Guid, StatedRange>.Empty,
        };
        return ForRoom(ConsensusCalculator.EvaluateClause(roster, dialogue.Rules, silent), dialogue) with
        {
            // Nothing shown yet is Pending, whatever the arithmetic of an all-silent room says of tiny groups.
            Status = clause.Withdrawn ? ClauseStatus.Withdrawn : ClauseStatus.Pending,
            Release = new ReleaseView(0, null, null, false, 0, pending, []),
        };
    }

    /// <summary>
    /// A clause as the room is shown it after the release committed at <paramref name="version"/>:
    /// the released figures and the release's view. With no changes pending, this is what a release
    /// viewer's screen builds from the <see cref="FiguresReleased"/> event it is pushed, so the same
    /// figures are not sent to it a second time (docs/api.md, "Releases and the room's view"); what
    /// moved after it (changes pending, a withdrawal) still comes as a push.
    /// </summary>
    public static ClauseConsensus AsShown(ClauseRelease release, long version, DateTimeOffset? at, ReleaseTrigger? trigger, bool changesPending = false) =>
        release.Figures with { Release = new ReleaseView(version, at, trigger, release.Forced, release.Changes, changesPending, release.Notes) };

    /// <summary>What a release viewer's screen holds of a clause once it has built it from a release (<see cref="AsShown"/>).</summary>
    public static ReleaseMark MarkAsShown(ClauseRelease release, long version) => new(version, false, release.Figures.Status, -1);

    private static ClauseConsensus Fold(ClauseConsensus clause, ImmutableDictionary<string, ImmutableHashSet<string>> folding, ConsensusRule rule)
    {
        var dimensions = clause.Dimensions.Select(d => Fold(d, folding.GetValueOrDefault(d.Name), rule)).ToImmutableArray();
        var counting = dimensions.Where(d => d.CountsForConsensus).SelectMany(d => d.Groups.Where(g => g.Members > 0)).ToArray();
        var gac = GroupInformedConsensus.Of(counting.Select(g => g.Counts));
        return clause with
        {
            Dimensions = dimensions,
            Gac = gac,
            GacGeometricMean = GroupInformedConsensus.GeometricMean(gac, counting.Length),
            Options = clause.Options.IsDefault ? clause.Options : [.. clause.Options.Select(o => Fold(o, folding, rule))],
            FundingFloor = clause.FundingFloor is { } floor ? Fold(floor, folding, rule) : null,
        };
    }

    private static DimensionConsensus Fold(DimensionConsensus dimension, ImmutableHashSet<string>? folded, ConsensusRule rule)
    {
        var rows = dimension.Groups;
        if (folded is { Count: > 0 })
        {
            var hidden = rows.Where(g => folded.Contains(g.Group)).ToArray();
            var counts = hidden.Aggregate(default(PositionCounts), (sum, g) => sum + g.Counts);
            var row = ClauseEvaluator.Group(ConsensusRedaction.FoldedRowName, counts, hidden.Sum(g => g.Members), rule, [.. hidden.Select(g => g.Group)]);
            rows = [.. rows.Where(g => !folded.Contains(g.Group)), row];
        }
        return dimension with { Groups = rows, Gac = GroupInformedConsensus.Of(rows.Where(g => g.Members > 0).Select(g => g.Counts)) };
    }

    private static FundingFloorAgreement Fold(FundingFloorAgreement floor, ImmutableDictionary<string, ImmutableHashSet<string>> folding, ConsensusRule rule)
    {
        var curves = new List<GroupCurve>();
        foreach (var byDimension in floor.Curves.GroupBy(c => c.Dimension))
        {
            var folded = folding.GetValueOrDefault(byDimension.Key) ?? [];
            curves.AddRange(byDimension.Where(c => !folded.Contains(c.Group)));
            var hidden = byDimension.Where(c => folded.Contains(c.Group)).ToArray();
            if (hidden.Length == 0)
                continue;
            var supporting = Enumerable.Range(0, hidden[0].Supporting.Length).Select(i => hidden.Sum(c => c.Supporting[i]));
            curves.Add(new GroupCurve(byDimension.Key, ConsensusRedaction.FoldedRowName, hidden.Sum(c => c.Members), hidden.Sum(c => c.Stated), [.. supporting], [.. hidden.Select(c => c.Group)]));
        }
        // The zone and the best value are summed up from the rows shown, like every other figure.
        var parameter = new NumericParameter(floor.Parameter, floor.Unit, floor.Min, floor.Max, floor.Step);
        return FundingFloorSolver.Summarise(parameter, [.. curves], rule);
    }

    private static ImmutableDictionary<string, ImmutableHashSet<string>> RoomFoldingOf(DialogueState dialogue)
    {
        if (dialogue.Dimensions.IsDefaultOrEmpty)
            return ImmutableDictionary<string, ImmutableHashSet<string>>.Empty;
        var cells = new CellCounter(dialogue);
        var start = cells.PerDimensionFolding();
        bool[][]? best = null;
        var bestRows = -1;
        foreach (var order in Orders(dialogue.Dimensions.Length))
        {
            var folded = start.Select(f => (bool[])f.Clone()).ToArray();
            cells.Grow(folded, order);
            var rows = cells.Rows(folded);
            if (rows > bestRows)
                (best, bestRows) = (folded, rows);
        }
        return dialogue.Dimensions.Select((d, i) => (d.Name, Groups: d.Groups.Where((_, g) => best![i][g]).ToImmutableHashSet()))
            .Where(d => d.Groups.Count > 0)
            .ToImmutableDictionary(d => d.Name, d => d.Groups);
    }

    /// <summary>Every order of the dimensions (the listed one first), or only its rotations when there are many.</summary>
    private static IEnumerable<int[]> Orders(int dimensions)
    {
        if (dimensions > DimensionsForEveryOrder)
        {
            for (var r = 0; r < dimensions; r++)
                yield return [.. Enumerable.Range(0, dimensions).Select(i => (i + r) % dimensions)];
            yield break;
        }
        foreach (var order in Permutations([.. Enumerable.Range(0, dimensions)]))
            yield return order;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
            foreach (var rest in Permutations([.. items[..i], .. items[(i + 1)..]]))
                yield return [items[i], .. rest];
    }

    /// <summary>
    /// The voters grouped by their groups (one coordinate per dimension, −1 for none), once per set
    /// of voters a rule counts (delegates; delegates and facilitators), so a cell is checked for each.
    /// </summary>
    private sealed class CellCounter
    {
        private const int NoGroup = -1;
        private const int FoldedRow = -2;
        private readonly int k;
        private readonly int[] groupsPerDimension;
        private readonly List<(int[] Coordinates, int Members)[]> voterSets = [];
        private readonly int[][] sizes;

        public CellCounter(DialogueState dialogue)
        {
            k = dialogue.Settings.MinimumGroupSize;
            groupsPerDimension = [.. dialogue.Dimensions.Select(d => d.Groups.Length)];
            sizes = [.. groupsPerDimension.Select(n => new int[n])];
            foreach (var facilitatorsVote in dialogue.Rules.All.Select(r => r.FacilitatorsVote).Distinct().Order())
            {
                var voters = dialogue.Roster.Values.Where(m => m.Role == Role.Delegate || (facilitatorsVote && m.Role == Role.Facilitator))
                    .Select(m => dialogue.Dimensions.Select(d => m.GroupIn(d.Name) is { } g ? d.Groups.IndexOf(g) : NoGroup).ToArray())
                    .GroupBy(c => string.Join(",", c))
                    .Select(g => (g.First(), g.Count()))
                    .ToArray();
                voterSets.Add(voters);
            }
            // The widest set (the last) sizes the groups, for the choice of which to fold next.
            foreach (var (coordinates, members) in voterSets[^1])
                for (var d = 0; d < coordinates.Length; d++)
                    if (coordinates[d] >= 0)
                        sizes[d][coordinates[d]] += members;
        }

        /// <summary>Each dimension folded on its own (<see cref="ConsensusRedaction.GroupsToFold"/>), for every set of voters.</summary>
        public bool[][] PerDimensionFolding()
        {
            var folded = groupsPerDimension.Select(n => new bool[n]).ToArray();
            foreach (var voters in voterSets)
                for (var d = 0; d < folded.Length; d++)
                {
                    var groupSizes = new int[groupsPerDimension[d]];
                    foreach (var (coordinates, members) in voters)
                        if (coordinates[d] >= 0)
                            groupSizes[coordinates[d]] += members;
                    var toFold = ConsensusRedaction.GroupsToFold([.. groupSizes.Select((m, g) => (g.ToString(System.Globalization.CultureInfo.InvariantCulture), m))], k);
                    foreach (var g in toFold)
                        folded[d][int.Parse(g, System.Globalization.CultureInfo.InvariantCulture)] = true;
                }
            return folded;
        }

        /// <summary>
        /// Folds more — the smallest shown group of the dimension listed last among those where folding
        /// can still grow a thin cell — until every cell holds k members, or no folding can help (a thin
        /// cell of members without a group, or in fully folded dimensions, merges with nothing more).
        /// </summary>
        public void Grow(bool[][] folded, int[] order)
        {
            while (ThinCellDimensions(folded) is { Count: > 0 } foldable)
            {
                var d = order.Last(foldable.Contains);
                var smallest = -1;
                for (var g = 0; g < groupsPerDimension[d]; g++)
                    if (!folded[d][g] && sizes[d][g] > 0 && (smallest < 0 || sizes[d][g] < sizes[d][smallest]))
                        smallest = g;
                folded[d][smallest] = true;
            }
            // A lone folded group makes the same cells as that group shown on its own: show it by its name.
            for (var d = 0; d < folded.Length; d++)
                if (folded[d].Count(f => f) == 1 && sizes[d][Array.IndexOf(folded[d], true)] >= k)
                    folded[d][Array.IndexOf(folded[d], true)] = false;
        }

        /// <summary>Rows shown: non-empty groups on their own, plus one for the folded ones.</summary>
        public int Rows(bool[][] folded) => folded.Select((f, d) =>
            Enumerable.Range(0, f.Length).Count(g => !f[g]) + (f.Any(x => x) ? 1 : 0)).Sum();

        private bool HasShownGroup(bool[][] folded, int d) => Enumerable.Range(0, groupsPerDimension[d]).Any(g => !folded[d][g] && sizes[d][g] > 0);

        /// <summary>
        /// The dimensions in which folding more can grow a cell with fewer than k members: its row there
        /// is a group shown on its own, or the folded row while groups are left to join it.
        /// </summary>
        private HashSet<int> ThinCellDimensions(bool[][] folded)
        {
            var dimensions = new HashSet<int>();
            foreach (var voters in voterSets)
            {
                var cells = new Dictionary<string, (int[] Coordinates, int Members)>();
                foreach (var (coordinates, members) in voters)
                {
                    var cell = coordinates.Select((g, d) => g >= 0 && folded[d][g] ? FoldedRow : g).ToArray();
                    var key = string.Join(",", cell);
                    cells[key] = (cell, cells.GetValueOrDefault(key).Members + members);
                }
                foreach (var (cell, members) in cells.Values)
                    if (members < k)
                        for (var d = 0; d < cell.Length; d++)
                            if (cell[d] >= 0 || (cell[d] == FoldedRow && HasShownGroup(folded, d)))
                                dimensions.Add(d);
            }
            return dimensions;
        }
    }
}
