using System.Collections.Immutable;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>The statement's text and its matrix at one moment, exactly as the server rendered them for this viewer.</summary>
public sealed partial class StatementAtMoment
{
    [Parameter, EditorRequired]
    public ReviewSnapshot Snapshot { get; set; } = null!;

    /// <summary>Cells to mark as changed (from a comparison), keyed as <see cref="ConsensusMatrix.CellKey"/>.</summary>
    [Parameter]
    public IReadOnlySet<string>? ChangedCells { get; set; }

    /// <summary>A release viewer's figures carry the release they come from; a live viewer's carry none.</summary>
    /// <summary>The language the clauses are drafted in, for their lang (the interface may be another).</summary>
    [Parameter]
    public string TextLanguage { get; set; } = "en";

    private bool SeesLiveFigures
 => Snapshot.Consensus.Clauses.All(c => c.Release is null);

    private IReadOnlyList<ClauseView> ClauseViews => [.. Snapshot.Clauses.Select(AsView)];

    /// <summary>The matrix numbers and names rows from clause views; a review clause gives what it needs (id, text).</summary>
    internal static ClauseView AsView(ReviewClause clause) => new(
        clause.Id, clause.Kind, clause.ExternalId, clause.Revision, clause.Revision, clause.Text, clause.Withdrawn,
        clause.Slots, null, [], null, ImmutableDictionary<string, Position>.Empty, null, false);
}
