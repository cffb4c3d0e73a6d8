using System.Collections.Immutable;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Pages.Dialogues;

/// <summary>
/// Creating a dialogue, one question at a time: details and track, confidentiality and k, the
/// stakeholder dimensions, the consensus rule, languages and the convener. Each step is checked
/// before the next; the server's rules have the last word and their message is shown as is.
/// </summary>
public sealed partial class NewDialoguePage
{
    private static readonly string[] Steps = ["Details", "Confidentiality", "Groups", "Consensus rule", "Languages and you"];

    private int step;
    private bool? signedIn;
    private bool busy;
    private string? error;
    private string title = "";
    private string venue = "";
    private DateOnly? startsOn;
    private DateOnly? endsOn;
    private string description = "";
    private Track track = Track.Track2;
    private ConfidentialityMode confidentiality = ConfidentialityMode.ChathamHouse;
    private int k = 3;
    private readonly List<DimensionDraft> dimensions =
    [
        new() { Name = "Region", Groups = "China, United States, Europe, Global South" },
        new() { Name = "Sector", Groups = "Academia, Industry, Government, Civil society" },
    ];
    private double thresholdPercent = 66.7;
    private double quorumPercent = 50;
    private bool blockIsVeto = true;
    private bool facilitatorsVote;
    private readonly HashSet<string> excluded = [];
    private string languages = "en";
    private string convenerName = "";
    private string convenerAffiliation = "";

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    /// <summary>One dimension as typed: its name and its groups separated by commas.</summary>
    internal sealed class DimensionDraft
    {
        public string Name { get; set; } = "";

        public string Groups { get; set; } = "";

        public ImmutableArray<string> GroupList =>
            [.. Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
    }

    // Only organiser accounts create dialogues: the wizard is offered to them alone (the server checks again).
    protected override async Task OnInitializedAsync()
    {
        var status = await Api.AccountStatusAsync();
        signedIn = status.Value?.SignedIn == true;
        if (status.Value?.DisplayName is { } name && convenerName.Length == 0)
            convenerName = name;
    }

    private List<string> NamedDimensions => [.. dimensions.Select(d => d.Name.Trim()).Where(n => n.Length > 0).Distinct()];

    private static string ModeHint(ConfidentialityMode mode) => mode switch
    {
        ConfidentialityMode.Attributed => "everyone may see who took which position.",
        ConfidentialityMode.ChathamHouse => "delegates see their own positions and counts per group; facilitators see names (the Chatham House Rule).",
        _ => "as Chatham House, and facilitators see counts only.",
    };

    private void Toggle(string dimension, object? isChecked)
    {
        if (isChecked is true)
            excluded.Remove(dimension);
        else
            excluded.Add(dimension);
    }

    /// <summary>What is wrong with the current step, or null.</summary>
    private string? Check() => step switch
    {
        0 when string.IsNullOrWhiteSpace(title) => "Give the dialogue a title.",
        // Over-long text is refused, never cut (issue 11); the counter under each box says by how much.
        0 when TextLengthCounter.IsOver(title, Limits.TitleLength) => $"The title has more than {Limits.TitleLength} characters.",
        0 when TextLengthCounter.IsOver(venue, Limits.ShortTextLength) => $"The venue has more than {Limits.ShortTextLength} characters.",
        0 when TextLengthCounter.IsOver(description, Limits.ClauseTextLength) => $"The description has more than {Limits.ClauseTextLength:N0} characters.",
        0 when startsOn is { } s && endsOn is { } e && e < s => "The dialogue cannot end before it starts.",
        1 when k is < 1 or > 100 => "k must be between 1 and 100.",
        2 when dimensions.Any(d => string.IsNullOrWhiteSpace(d.Name)) => "Every dimension needs a name (or remove it).",
        2 when dimensions.Any(d => TextLengthCounter.IsOver(d.Name.Trim(), Limits.NameLength)) => $"A dimension's name has at most {Limits.NameLength} characters.",
        2 when NamedDimensions.Count != dimensions.Count => "Two dimensions have the same name.",
        2 when dimensions.Any(d => d.GroupList.IsEmpty) => "Every dimension needs at least one group.",
        3 when thresholdPercent is <= 0 or > 100 => "The threshold must be above 0% and at most 100%.",
        3 when quorumPercent is < 0 or > 100 => "The quorum must be between 0% and 100%.",
        4 when string.IsNullOrWhiteSpace(convenerName) => "Say who is convening: your name is needed.",
        4 when TextLengthCounter.IsOver(convenerName, Limits.NameLength) => $"Your name has more than {Limits.NameLength} characters.",
        4 when TextLengthCounter.IsOver(convenerAffiliation, Limits.ShortTextLength) => $"Your affiliation has more than {Limits.ShortTextLength} characters.",
        _ => null,
    };

    private async Task NextAsync()
    {
        error = Check();
        if (error is not null)
            return;
        if (step < Steps.Length - 1)
        {
            step++;
            return;
        }
        busy = true;
        var counted = NamedDimensions.Where(n => !excluded.Contains(n)).ToImmutableArray();
        var rule = new ConsensusRule(
            Threshold: Math.Abs(thresholdPercent - 66.7) < 0.05 ? 2.0 / 3.0 : thresholdPercent / 100,
            Quorum: quorumPercent / 100,
            BlockIsVeto: blockIsVeto,
            // Empty means every dimension counts.
            Dimensions: counted.Length == NamedDimensions.Count ? [] : counted,
            FacilitatorsVote: facilitatorsVote);
        var request = new CreateDialogueRequest(
            title.Trim(), track, Blank(venue), startsOn, endsOn,
            [.. languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            confidentiality, k, Blank(description),
            [.. dimensions.Select(d => new Dimension(d.Name.Trim(), d.GroupList))],
            rule, RuleOverrides: null, convenerName.Trim(), Blank(convenerAffiliation));
        var created = await Api.CreateDialogueAsync(request);
        busy = false;
        if (created.Value is { } dialogue)
            Navigation.NavigateTo($"/dialogues/{dialogue.Id}/setup");
        else
            error = created.Problem?.Message;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
