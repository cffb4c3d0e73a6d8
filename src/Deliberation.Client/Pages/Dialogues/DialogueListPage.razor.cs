using System.Globalization;
using Deliberation.Client.Api;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Pages.Dialogues;

/// <summary>The dialogues this browser's participant belongs to; when none, how invitations work.</summary>
public sealed partial class DialogueListPage
{
    /// <summary>What an invite link looks like: an address, the same in every language.</summary>
    private const string InviteLinkShape = "…/invite/Xy7…";

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

    /// <summary>Where and on which days, the dates as the reader's language writes them (a range in Chinese runs 2026年9月5日至7日, not 5–7 Sep).</summary>
    private string When(DialogueSummaryView d)
    {
        var culture = CultureInfo.CurrentCulture;
        var dates = (d.StartsOn, d.EndsOn) switch
        {
            ({ } s, { } e) when s == e => s.ToString(Resources.Labels.Get("DateFormat"), culture),
            ({ } s, { } e) => L["DateRange", s.ToString(L["RangeStartFormat"], culture), e.ToString(L["RangeEndFormat"], culture)].Value,
            ({ } s, null) => s.ToString(Resources.Labels.Get("DateFormat"), culture),
            _ => "",
        };
        return string.Join(" · ", new[] { d.Venue, dates }.Where(x => !string.IsNullOrEmpty(x)));
    }

}
