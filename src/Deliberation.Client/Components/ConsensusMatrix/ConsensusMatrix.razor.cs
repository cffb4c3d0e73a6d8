using Deliberation.Client.Resources;
using Deliberation.Client.Api;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// Clauses × groups of every dimension: each cell coloured by the group's share, with the count
/// of support and accept, a mark for a block and for stale positions, and what the group still
/// needs in its title. The groups are what the server sent this viewer: small groups may come
/// folded into one "Other groups" column.
/// </summary>
public sealed partial class ConsensusMatrix
{
    private List<MatrixColumn> columns = [];

    [Parameter, EditorRequired]
    public StatementConsensus? Consensus { get; set; }

    /// <summary>The clauses in the statement's order, for numbers and excerpts; without them the figures' order is kept.</summary>
    [Parameter]
    public IReadOnlyList<ClauseView>? Clauses { get; set; }

    [Parameter]
    public Guid? SelectedClauseId { get; set; }

    [Parameter]
    public Guid? FocusClauseId { get; set; }

    [Parameter]
    public EventCallback<Guid> OnSelect { get; set; }

    /// <summary>Cells to mark as changed (the review's comparison of two moments), each as <see cref="CellKey"/>.</summary>
    [Parameter]
    public IReadOnlySet<string>? ChangedCells { get; set; }

    /// <summary>Projector size: bigger type, no legend.</summary>
    [Parameter]
    public bool Large { get; set; }

    internal sealed record MatrixColumn(string Dimension, string Group, string Title);

    internal sealed record MatrixRow(int Number, ClauseConsensus Consensus, string Text, string Excerpt);

    protected override void OnParametersSet() => columns = ColumnsOf(Consensus);

    /// <summary>Every dimension's groups in the order they first appear, the folded row last in its dimension.</summary>
    internal static List<MatrixColumn> ColumnsOf(StatementConsensus? consensus)
    {
        var result = new List<MatrixColumn>();
        if (consensus is null)
            return result;
        var seen = new HashSet<(string, string)>();
        var dimensions = consensus.Clauses.Where(c => c.OptionId is null).SelectMany(c => c.Dimensions).GroupBy(d => d.Name);
        foreach (var dimension in dimensions)
        {
            var groups = dimension.SelectMany(d => d.Groups).ToList();
            foreach (var group in groups.OrderBy(g => g.Group == ConsensusRedaction.FoldedRowName ? 1 : 0))
            {
                if (!seen.Add((dimension.Key, group.Group)))
                    continue;
                var title = group.FoldedGroups.IsDefaultOrEmpty
                    ? $"{dimension.Key}: {group.Group}"
                    : $"{dimension.Key}: groups too small to show on their own ({string.Join(", ", group.FoldedGroups)})";
                result.Add(new MatrixColumn(dimension.Key, group.Group, title));
            }
        }
        return result;
    }

    private IEnumerable<MatrixRow> Rows
    {
        get
        {
            var figures = Consensus!.Clauses.Where(c => c.OptionId is null).ToList();
            if (Clauses is null)
                return figures.Select((c, i) => new MatrixRow(i + 1, c, "", $"{Presentation.Label(c.Kind)}"));
            var byId = figures.ToDictionary(c => c.ClauseId);
            return Clauses.Where(c => byId.ContainsKey(c.Id))
                .Select((c, i) => new MatrixRow(i + 1, byId[c.Id], c.Text, Excerpt(c.Text)));
        }
    }

    /// <summary>
    /// For a release viewer (figures carry a release): the newest release among the clauses, to say
    /// how old the figures are; null for a viewer who sees live figures.
    /// </summary>
    private ReleaseView? LastShown =>
        Consensus?.Clauses.Select(c => c.Release).OfType<ReleaseView>().OrderByDescending(r => r.At ?? DateTimeOffset.MinValue).FirstOrDefault();

    private static string Excerpt(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "…";

    private bool CountsFor(string dimension) =>
        Consensus?.Clauses.SelectMany(c => c.Dimensions).FirstOrDefault(d => d.Name == dimension)?.CountsForConsensus ?? true;

    internal static GroupConsensus? CellOf(ClauseConsensus clause, MatrixColumn column) =>
        clause.Dimensions.FirstOrDefault(d => d.Name == column.Dimension)?.Groups.FirstOrDefault(g => g.Group == column.Group);

    /// <summary>How a changed cell is named: clause, dimension and group.</summary>
    public static string CellKey(Guid clauseId, string dimension, string group) => $"{clauseId:N}|{dimension}|{group}";

    private bool IsChanged(ClauseConsensus clause, MatrixColumn column) =>
        ChangedCells?.Contains(CellKey(clause.ClauseId, column.Dimension, column.Group)) == true;

    private static string CellClass(GroupConsensus cell) =>
        "matrix-cell" + (cell.Block > 0 ? " has-block" : "") + (cell.Stale > 0 ? " has-stale" : "") + (cell.MeetsRule ? " meets-rule" : "");

    internal static string CellTitle(MatrixColumn column, GroupConsensus cell)
    {
        var needed = cell.MeetsRule ? Labels.Get("Cell_MeetsRule") : cell.Members == 0 ? Labels.Get("Cell_NoMembers") : Labels.Format("Cell_Needed", cell.Needed);
        return Labels.Format("Cell_Title", column.Dimension, column.Group, cell.Members, cell.Support, cell.Accept, cell.StandAside, cell.Oppose,
            cell.Block, cell.Stale, cell.Silent, Presentation.Percent(cell.Share), needed);
    }

    private string RowClass(Guid clauseId) =>
        (clauseId == SelectedClauseId ? "selected " : "") + (clauseId == FocusClauseId ? "on-floor" : "");

    private Task SelectAsync(Guid clauseId) => OnSelect.InvokeAsync(clauseId);
}
