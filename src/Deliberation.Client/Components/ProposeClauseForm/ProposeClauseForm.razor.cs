using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A new clause a drafter proposes.</summary>
public sealed record ClauseProposal(ClauseKind Kind, string Text, NumericParameter? Parameter, string? Rationale, bool InsertAfter);

/// <summary>Proposes a new clause of a kind, with its text (and, for a funding floor, what the number is).</summary>
public sealed partial class ProposeClauseForm
{
    private ClauseKind kind = ClauseKind.Principle;
    private string text = "";
    private string rationale = "";
    private string parameterName = "";
    private bool insertAfter;

    /// <summary>The selected clause's label, to offer inserting after it.</summary>
    [Parameter]
    public string? AfterLabel { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Answers whether the clause was added, so the form clears only then.</summary>
    [Parameter, EditorRequired]
    public Func<ClauseProposal, Task<bool>>? OnPropose { get; set; }

    private async Task SubmitAsync()
    {
        if (OnPropose is null)
            return;
        var parameter = kind == ClauseKind.FundingFloor && !string.IsNullOrWhiteSpace(parameterName) ? new NumericParameter(parameterName.Trim()) : null;
        if (await OnPropose(new ClauseProposal(kind, text.Trim(), parameter, string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim(), insertAfter)))
        {
            text = "";
            rationale = "";
            parameterName = "";
        }
    }
}
