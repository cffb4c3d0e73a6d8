using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// Two moments compared, as the server diffed them for this viewer: each clause whose text changed as
/// a word diff, and the matrix cells whose figures moved, in a table (the page also marks them in
/// the matrix of the later moment).
/// </summary>
public sealed partial class MomentComparisonView
{
    [Parameter, EditorRequired]
    public ReviewComparison Comparison { get; set; } = null!;

    [Parameter]
    public string FromLabel { get; set; } = "";

    [Parameter]
    public string ToLabel { get; set; } = "";

    /// <summary>Numbers the clauses as the statement does.</summary>
    [Parameter]
    public Func<Guid, int?> ClauseNumber { get; set; } = _ => null;

    /// <summary>The cells to mark in a <see cref="ConsensusMatrix"/>.</summary>
    public static IReadOnlySet<string> ChangedCellKeys(ReviewComparison comparison) =>
        comparison.Cells.IsDefaultOrEmpty
            ? new HashSet<string>()
            : comparison.Cells.Select(c => ConsensusMatrix.CellKey(c.ClauseId, c.Dimension, c.Group)).ToHashSet();

    private string ClauseName(Guid clauseId) => ClauseNumber(clauseId) is { } n ? $"Clause {n}" : "A clause since removed";

    private static string StatusWord(ClauseStatus? status) => status is { } s ? Presentation.Label(s) : "not yet proposed";

    private static string Figures(GroupConsensus? group) => group is null
        ? "not shown"
        : $"{group.Support + group.Accept}/{group.Members} support or accept{(group.Block > 0 ? $", {group.Block} block" : "")}{(group.MeetsRule ? ", meets the rule" : group.Members > 0 ? $", needs {group.Needed} more" : "")}";
}
