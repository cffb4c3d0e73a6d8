using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// Running counts of one clause (or bracket option) per flat group, kept apart for delegates and
/// facilitators so a rule can count facilitators or not without recounting. A position change is
/// O(dimensions).
/// </summary>
public sealed class ClauseTally
{
    private const int Buckets = 6; // five position kinds, then stale
    private const int StaleBucket = 5;
    private readonly int[] counts;
    private readonly int[] blocks = new int[2];

    public ClauseTally(int groups) => counts = new int[groups * 2 * Buckets];

    /// <summary>
    /// Counts every position on a clause or option from scratch: a scan of the table's flat cells,
    /// each slot's voter read from the roster's map of the table's numbering (docs/performance.md,
    /// "Where the full recomputation spends its time").
    /// </summary>
    public static ClauseTally Count(RosterIndex roster, ClauseState clause, string? optionId)
    {
        var tally = new ClauseTally(roster.Groups.Length);
        var table = clause.PositionsOn(optionId);
        if (table.IsEmpty)
            return tally;
        var counter = new Counter(tally, roster.VotersBySlot(table.Slots), clause.CountingSince);
        table.VisitCells(ref counter);
        return tally;
    }

    /// <summary>Where a group's buckets for one voter class (0 delegates, 1 facilitators) start in the counts.</summary>
    public static int BucketStart(int flatGroup, int voterClass) => (flatGroup * 2 + voterClass) * Buckets;

    public static int Bucket(ClauseState clause, Position position) =>
        clause.IsCurrent(position) ? (int)position.Kind : StaleBucket;

    public static int Bucket(PositionKind kind) => (int)kind;

    /// <summary>Moves a voter from one bucket to another (either may be null: no position before, or none after).</summary>
    public void Move(RosterIndex roster, Guid participant, int? from, int? to)
    {
        if (from is { } f)
            Add(roster, participant, f, -1);
        if (to is { } t)
            Add(roster, participant, t, +1);
    }

    public bool AnyBlock(bool facilitatorsVote) => blocks[0] > 0 || (facilitatorsVote && blocks[1] > 0);

    public PositionCounts CountsOf(int flatGroup, bool facilitatorsVote)
    {
        var delegates = Read(flatGroup, 0);
        return facilitatorsVote ? delegates + Read(flatGroup, 1) : delegates;
    }

    private PositionCounts Read(int flatGroup, int voterClass)
    {
        var at = BucketStart(flatGroup, voterClass);
        return new PositionCounts(counts[at], counts[at + 1], counts[at + 2], counts[at + 3], counts[at + 4], counts[at + 5]);
    }

    private void Add(RosterIndex roster, Guid participant, int bucket, int delta)
    {
        if (roster.VoterOrNull(participant) is not { } voter)
            return; // not a voter (an observer, or removed from the roster): never counted
        var voterClass = voter.IsFacilitator ? 1 : 0;
        if (bucket == (int)PositionKind.Block)
            blocks[voterClass] += delta;
        foreach (var group in voter.GroupByDimension)
            if (group >= 0)
                counts[BucketStart(group, voterClass) + bucket] += delta;
    }

    /// <summary>Adds each current or stale cell of a table's leaves to the tally; a struct, so the scan calls it directly.</summary>
    private readonly struct Counter(ClauseTally tally, SlotVoters voters, int countingSince) : ILeafVisitor<PositionCell>
    {
        public void Visit(int firstSlot, PositionCell[] leaf)
        {
            var (counts, blocks, classes, starts, dimensions) = (tally.counts, tally.blocks, voters.VoterClass, voters.BucketStarts, voters.Dimensions);
            for (var i = 0; i < leaf.Length; i++)
            {
                var cell = leaf[i];
                if (cell.IsEmpty)
                    continue;
                var slot = firstSlot + i;
                var voterClass = classes[slot];
                if (voterClass < 0)
                    continue; // not a voter (an observer, or removed from the roster): never counted
                var bucket = cell.Revision >= countingSince ? (int)cell.Kind : StaleBucket;
                if (bucket == (int)PositionKind.Block)
                    blocks[voterClass]++;
                for (int d = 0, at = slot * dimensions; d < dimensions; d++, at++)
                    if (starts[at] >= 0)
                        counts[starts[at] + bucket]++;
            }
        }
    }
}
