using Deliberation.Client.Api;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>The statement's clauses with status chips and a small per-group bar; chairs put one on the floor from here.</summary>
public sealed partial class ClauseList
{
    [Parameter, EditorRequired]
    public StatementView? Statement { get; set; }

    [Parameter]
    public StatementConsensus? Consensus { get; set; }

    [Parameter]
    public Guid? SelectedClauseId { get; set; }

    [Parameter]
    public Guid? FocusClauseId { get; set; }

    [Parameter]
    public bool CanChair { get; set; }

    [Parameter]
    public EventCallback<Guid> OnSelect { get; set; }

    /// <summary>A clause to put on the floor, or null to clear it.</summary>
    [Parameter]
    public EventCallback<Guid?> OnFocus { get; set; }

    private string ItemClass(Guid clauseId) =>
        (clauseId == SelectedClauseId ? "selected " : "") + (clauseId == FocusClauseId ? "on-floor" : "");

    /// <summary>
    /// Amendments the rapporteur has not yet decided on, so a chair sees from the list where work waits
    /// without opening each clause (docs/domain.md: an amendment is proposed, then accepted or declined).
    /// </summary>
    private int PendingAmendments(Guid clauseId) =>
        Statement is null || Statement.Amendments.IsDefault
            ? 0
            : Statement.Amendments.Count(a => a.ClauseId == clauseId && a.Status == AmendmentStatus.Proposed);

    private static string Excerpt(string text) => text.Length <= 140 ? text : text[..137].TrimEnd() + "…";
}
