using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Deliberation.Client.Components;

/// <summary>New text a member proposes for a clause.</summary>
public sealed record AmendmentProposal(string Text, string? Rationale);

/// <summary>The rapporteur's answer to an amendment.</summary>
public sealed record AmendmentDecision(Guid AmendmentId, bool Accept, string? Reason);

/// <summary>
/// A clause's amendments with their fate; members propose new text, and the rapporteur (or
/// facilitator) accepts or declines each, declining with a reason that stays in the history.
/// </summary>
public sealed partial class AmendmentPanel
{
    private readonly Dictionary<Guid, string> reasons = [];
    private bool proposing;
    private string text = "";
    private string rationale = "";

    [Parameter, EditorRequired]
    public IReadOnlyList<Amendment> Amendments { get; set; } = [];

    [Parameter]
    public string? CurrentText { get; set; }

    [Parameter]
    public Guid Me { get; set; }

    [Parameter]
    public bool CanPropose { get; set; }

    [Parameter]
    public bool CanDecide { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Answers whether the proposal was accepted, so the form closes only then.</summary>
    [Parameter]
    public Func<AmendmentProposal, Task<bool>>? OnPropose { get; set; }

    [Parameter]
    public EventCallback<AmendmentDecision> OnDecide { get; set; }

    private string ReasonFor(Guid id) => reasons.GetValueOrDefault(id, "");

    private void StartProposing()
    {
        text = CurrentText ?? "";
        rationale = "";
        proposing = true;
    }

    private async Task ProposeAsync()
    {
        if (OnPropose is null)
            return;
        if (await OnPropose(new AmendmentProposal(text.Trim(), string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim())))
            proposing = false;
    }

    private Task DecideAsync(Guid id, bool accept)
    {
        var reason = ReasonFor(id);
        return OnDecide.InvokeAsync(new AmendmentDecision(id, accept, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
    }

    private static Color StatusColor(AmendmentStatus status) => status switch
    {
        AmendmentStatus.Accepted => Color.Success,
        AmendmentStatus.Declined => Color.Error,
        _ => Color.Info,
    };
}
