using System.Collections.Immutable;
using Deliberation.Contracts.Review;
using Deliberation.Domain.Consensus;

namespace Deliberation.Server.Review;

/// <summary>Two snapshots of a statement compared: a word diff per clause, and the matrix rows whose figures differ.</summary>
public static class ReviewComparisons
{
    public static ReviewComparison Between(ReviewSnapshot from, ReviewSnapshot to)
    {
        var before = from.Clauses.ToDictionary(c => c.Id);
        var after = to.Clauses.ToDictionary(c => c.Id);
        // The clauses in the later order, then any the later statement no longer has.
        var ids = to.Clauses.Select(c => c.Id).Concat(from.Clauses.Select(c => c.Id).Where(id => !after.ContainsKey(id)));
        var clauses = ids.Select(id =>
        {
            var old = before.GetValueOrDefault(id);
            var now = after.GetValueOrDefault(id);
            var segments = WordDiff.Segments(old?.Text ?? "", now?.Text ?? "");
            var changed = old?.Text != now?.Text || old?.Status != now?.Status || old?.Withdrawn != now?.Withdrawn;
            return new ClauseComparison(id, old?.Revision ?? 0, now?.Revision ?? 0, old?.Status, now?.Status, changed, segments);
        });
        return new ReviewComparison(from.Moment, to.Moment, [.. clauses], Cells(from.Consensus, to.Consensus));
    }

    private static ImmutableArray<MatrixCellChange> Cells(StatementConsensus from, StatementConsensus to)
    {
        var before = Rows(from);
        var after = Rows(to);
        var changes = new List<MatrixCellChange>();
        foreach (var (key, row) in after)
            if (!before.TryGetValue(key, out var old) || !Same(old, row))
                changes.Add(new MatrixCellChange(key.Clause, key.Dimension, key.Group, old, row));
        foreach (var (key, old) in before)
            if (!after.ContainsKey(key))
                changes.Add(new MatrixCellChange(key.Clause, key.Dimension, key.Group, old, null));
        return [.. changes];
    }

    private static Dictionary<(Guid Clause, string Dimension, string Group), GroupConsensus> Rows(StatementConsensus consensus) =>
        consensus.Clauses
            .SelectMany(c => c.Dimensions.SelectMany(d => d.Groups.Select(g => (Key: (c.ClauseId, d.Name, g.Group), Row: g))))
            .ToDictionary(r => r.Key, r => r.Row);

    // Records with arrays do not compare by value; the figures do.
    private static bool Same(GroupConsensus a, GroupConsensus b) =>
        a with { FoldedGroups = default } == b with { FoldedGroups = default }
        && (a.FoldedGroups.IsDefaultOrEmpty ? b.FoldedGroups.IsDefaultOrEmpty : !b.FoldedGroups.IsDefault && a.FoldedGroups.SequenceEqual(b.FoldedGroups));
}
