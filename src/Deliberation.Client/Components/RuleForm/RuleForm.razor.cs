using System.Collections.Immutable;
using System.Globalization;
using Deliberation.Client.Resources;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The dialogue's consensus rule (docs/consensus.md): threshold, quorum, whether a block is a veto, which
/// dimensions must agree, whether facilitators vote. Overrides per clause kind are kept as they
/// are. Saving hands the rules to the page, which asks for confirmation and sends <c>ChangeConsensusRules</c>.
/// </summary>
public sealed partial class RuleForm
{
    private ConsensusRules? loaded;
    private string threshold = "";
    private string quorum = "";
    private bool blockIsVeto;
    private bool facilitatorsVote;
    private readonly HashSet<string> counted = [];

    [Parameter, EditorRequired]
    public ConsensusRules Rules { get; set; } = null!;

    [Parameter, EditorRequired]
    public ImmutableArray<Dimension> Dimensions { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<ConsensusRules> OnSave { get; set; }

    private ConsensusRule Current => Rules.Default;

    private double? Threshold => Parse(threshold, Current.Threshold);

    private double? Quorum => Parse(quorum, Current.Quorum);

    /// <summary>Every dimension ticked is saved as "all" (an empty list), so dimensions added later count too.</summary>
    private ImmutableArray<string> CountedDimensions =>
        Dimensions.All(d => counted.Contains(d.Name)) ? [] : [.. Dimensions.Select(d => d.Name).Where(counted.Contains)];

    private ConsensusRule? Edited => Threshold is { } t && Quorum is { } q
        ? Current with { Threshold = t, Quorum = q, BlockIsVeto = blockIsVeto, FacilitatorsVote = facilitatorsVote, Dimensions = CountedDimensions }
        : null;

    private string? Problem =>
        Threshold is not { } t || t is <= 0 or > 1 ? Setup.Get("RuleThresholdProblem")
        : Quorum is not { } q || q is < 0 or > 1 ? Setup.Get("RuleQuorumProblem")
        : Dimensions.Length > 0 && counted.Count == 0 ? Setup.Get("OneDimensionMustCount")
        : null;

    private bool Changed => Edited is { } rule && Describe(Current, rule).Count > 0;

    protected override void OnParametersSet()
    {
        if (loaded is not null && Describe(loaded.Default, Rules.Default).Count == 0)
            return;
        loaded = Rules;
        Reset();
    }

    private void Reset()
    {
        threshold = Percent(Current.Threshold);
        quorum = Percent(Current.Quorum);
        blockIsVeto = Current.BlockIsVeto;
        facilitatorsVote = Current.FacilitatorsVote;
        counted.Clear();
        foreach (var d in Dimensions.Where(d => Current.Counts(d.Name)))
            counted.Add(d.Name);
    }

    private void Toggle(string dimension, bool on)
    {
        if (on)
            counted.Add(dimension);
        else
            counted.Remove(dimension);
    }

    private Task SaveAsync() =>
        Problem is null && Changed && Edited is { } rule ? OnSave.InvokeAsync(Rules with { Default = rule }) : Task.CompletedTask;

    /// <summary>A percentage with up to two decimals, as the form shows it.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The share typed as a percentage; the rule's own value when the text still shows it, so 2/3
    /// shown as 66.67 is not saved as 0.6667.
    /// </summary>
    private static double? Parse(string text, double original) =>
        text.Trim() == Percent(original) ? original
        : double.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) ? percent / 100
        : null;

    /// <summary>What a change of rule changes, one line each, for the confirmation.</summary>
    public static IReadOnlyList<string> Describe(ConsensusRule before, ConsensusRule after)
    {
        var changes = new List<string>();
        if (before.Threshold != after.Threshold)
            changes.Add(Setup.Format("ThresholdChange", Percent(before.Threshold), Percent(after.Threshold)));
        if (before.Quorum != after.Quorum)
            changes.Add(Setup.Format("QuorumChange", Percent(before.Quorum), Percent(after.Quorum)));
        if (before.BlockIsVeto != after.BlockIsVeto)
            changes.Add(after.BlockIsVeto ? Setup.Get("BlockBecomesVeto") : Setup.Get("BlockNoLongerVeto"));
        if (before.FacilitatorsVote != after.FacilitatorsVote)
            changes.Add(after.FacilitatorsVote ? Setup.Get("FacilitatorsVote") : Setup.Get("FacilitatorsNoLongerVote"));
        var was = Dims(before.Dimensions);
        var now = Dims(after.Dimensions);
        if (was != now)
            changes.Add(Setup.Format("ChangeLine", Setup.Get("DimensionsMustAgree"), was, now));
        return changes;
    }

    private static string Dims(ImmutableArray<string> dimensions) => dimensions.IsDefaultOrEmpty ? Setup.Get("AllDimensions") : string.Join(", ", dimensions);
}
