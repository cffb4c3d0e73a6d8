using Deliberation.Client.Api;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Pages.Dialogues;

/// <summary>The dialogues this browser's participant belongs to; when none, how invitations work.</summary>
public sealed partial class DialogueListPage
{
    private List<DialogueSummaryView>? dialogues;
    private ApiProblem? problem;
    private Me? me;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        var list = await Api.ListDialoguesAsync();
        dialogues = list.Value?.OrderByDescending(d => d.UpdatedAt).ToList();
        problem = list.Problem;
        // Only a signed-in browser has dialogues; asking who it is otherwise would only be a 401.
        if (dialogues is { Count: > 0 })
            me = (await Api.MeAsync()).Value;
    }

    private static string When(DialogueSummaryView d)
    {
        var dates = (d.StartsOn, d.EndsOn) switch
        {
            ({ } s, { } e) when s == e => s.ToString("d MMM yyyy"),
            ({ } s, { } e) => $"{s:d MMM} – {e:d MMM yyyy}",
            ({ } s, null) => s.ToString("d MMM yyyy"),
            _ => "",
        };
        return string.Join(" · ", new[] { d.Venue, dates }.Where(x => !string.IsNullOrEmpty(x)));
    }
}
