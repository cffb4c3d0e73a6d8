using Deliberation.Client.Api;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Pages.Review;

/// <summary>
/// The review of a dialogue, from the dialogue list (which knows dialogues, not statements): one
/// statement goes straight to its review; several are listed to choose from.
/// </summary>
public sealed partial class StatementReviewRedirect
{
    private IReadOnlyList<StatementRef>? statements;
    private ApiProblem? problem;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Parameter]
    public Guid DialogueId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var dialogue = await Api.GetDialogueAsync(DialogueId);
        problem = dialogue.Problem;
        statements = dialogue.Value?.Statements;
        if (statements is [var only])
            Navigation.NavigateTo($"/dialogues/{DialogueId}/statements/{only.Id}/review", replace: true);
    }
}
