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

    /// <summary>The language the clauses are drafted in, for the diffs' lang.</summary>
    [Parameter]
    public string TextLanguage { get; set; } = "en";

    /// <summary>The cells to mark in a <see cref="ConsensusMatrix"/>.</summary>
    public static IReadOnlySet<string> ChangedCellKeys(ReviewComparison comparison) =>
        comparison.Cells.IsDefaultOrEmpty
            ? new HashSet<string>()
            : comparison.Cells.Select(c => ConsensusMatrix.CellKey(c.ClauseId, c.Dimension, c.Group)).ToHashSet();

    private string ClauseName(Guid clauseId) => ClauseNumber(clauseId) is { } n ? L["ClauseN", n] : L["ClauseSinceRemoved"];

    private string StatusWord(ClauseStatus? status) => status is { } s ? Presentation.Label(s) : L["NotYetProposed"];

    private string Figures(GroupConsensus? group) => group is null
        ? L["NotShown"]
        : L["FiguresShare", group.Support + group.Accept, group.Members]
          + (group.Block > 0 ? L["FiguresBlock", group.Block] : "")
          + (group.MeetsRule ? L["FiguresMeetRule"] : group.Members > 0 ? L["FiguresNeed", group.Needed] : "");

}
