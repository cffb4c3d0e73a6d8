using System.Collections.Immutable;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Client.Localization;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Pages.Dialogues;

/// <summary>
/// Creating a dialogue, one question at a time: details and track, confidentiality and k, the
/// stakeholder dimensions, the consensus rule, languages (and which are authentic) and the convener. Each step is checked
/// before the next; the server's rules have the last word and their message is shown as is.
/// </summary>
public sealed partial class NewDialoguePage
{
    /// <summary>The steps' names, as keys of Setup.resx.</summary>
    private static readonly string[] Steps = ["StepDetails", "StepConfidentiality", "StepGroups", "StepConsensusRule", "StepLanguagesAndYou"];

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
    private readonly List<DimensionDraft> dimensions = [Region, Sector];
    private double thresholdPercent = 66.7;
    private double quorumPercent = 50;
    private bool blockIsVeto = true;
    private bool facilitatorsVote;
    private readonly HashSet<string> excluded = [];
    private string languages = "en";
    private Authenticity authenticity = Authenticity.SourceAuthoritative;
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

    // The usual dimensions, named in the interface's language: they become the dialogue's own words.
    private static DimensionDraft Region => new() { Name = Resources.Setup.Get("RegionDimension"), Groups = Resources.Setup.Get("RegionGroups") };

    private static DimensionDraft Sector => new() { Name = Resources.Setup.Get("SectorDimension"), Groups = Resources.Setup.Get("SectorGroups") };

    private List<string> NamedDimensions => [.. dimensions.Select(d => d.Name.Trim()).Where(n => n.Length > 0).Distinct()];

    private static string ModeHint(ConfidentialityMode mode) => mode switch
    {
        ConfidentialityMode.Attributed => Resources.Setup.Get("NewModeHint_Attributed"),
        ConfidentialityMode.ChathamHouse => Resources.Setup.Get("NewModeHint_ChathamHouse"),
        _ => Resources.Setup.Get("NewModeHint_Anonymous"),
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
        0 when string.IsNullOrWhiteSpace(title) => Resources.Setup.Get("GiveATitle"),
        // Over-long text is refused, never cut (issue 11); the counter under each box says by how much.
        0 when TextLengthCounter.IsOver(title, Limits.TitleLength) => Resources.Setup.Format("TitleTooLong", Limits.TitleLength),
        0 when TextLengthCounter.IsOver(venue, Limits.ShortTextLength) => Resources.Setup.Format("VenueTooLong", Limits.ShortTextLength),
        0 when TextLengthCounter.IsOver(description, Limits.ClauseTextLength) => Resources.Setup.Format("DescriptionTooLong", Limits.ClauseTextLength),
        0 when startsOn is { } s && endsOn is { } e && e < s => Resources.Setup.Get("DatesReversed"),
        1 when k is < 1 or > 100 => Resources.Setup.Get("KOutOfRange"),
        2 when dimensions.Any(d => string.IsNullOrWhiteSpace(d.Name)) => Resources.Setup.Get("DimensionNeedsName"),
        2 when dimensions.Any(d => TextLengthCounter.IsOver(d.Name.Trim(), Limits.NameLength)) => Resources.Setup.Format("DimensionNameTooLong", Limits.NameLength),
        2 when NamedDimensions.Count != dimensions.Count => Resources.Setup.Get("DimensionsSameName"),
        2 when dimensions.Any(d => d.GroupList.IsEmpty) => Resources.Setup.Get("DimensionNeedsGroup"),
        3 when thresholdPercent is <= 0 or > 100 => Resources.Setup.Get("ThresholdOutOfRange"),
        3 when quorumPercent is < 0 or > 100 => Resources.Setup.Get("QuorumOutOfRange"),
        4 when string.IsNullOrWhiteSpace(convenerName) => Resources.Setup.Get("ConvenerNeeded"),
        4 when TextLengthCounter.IsOver(convenerName, Limits.NameLength) => Resources.Setup.Format("YourNameTooLong", Limits.NameLength),
        4 when TextLengthCounter.IsOver(convenerAffiliation, Limits.ShortTextLength) => Resources.Setup.Format("YourAffiliationTooLong", Limits.ShortTextLength),
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
            rule, RuleOverrides: null, convenerName.Trim(), Blank(convenerAffiliation), authenticity);
        var created = await Api.CreateDialogueAsync(request);
        busy = false;
        if (created.Value is { } dialogue)
            Navigation.NavigateTo($"/dialogues/{dialogue.Id}/setup");
        else
            error = created.Problem?.Localized();
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
