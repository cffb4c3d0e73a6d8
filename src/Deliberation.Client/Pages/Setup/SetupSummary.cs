using System.Globalization;
using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;

namespace Deliberation.Client.Pages.Setup;

/// <summary>The setup page's plain-language lines: where the dialogue is, how many members, and what k hides.</summary>
public static class SetupSummary
{
    /// <summary>The phase, named as such: "Setup · Setup" read as a stutter on the page called Setup.</summary>
    public static string Heading(Phase phase) => Resources.Setup.Format("PhaseHeading", Presentation.Label(phase));

    /// <summary>The line under the title: phase, confidentiality with its k, and track.</summary>
    public static string Line(DialogueView dialogue) =>
        $"{Heading(dialogue.Phase)} · {Presentation.Label(dialogue.Settings.Confidentiality)} (k = {dialogue.Settings.MinimumGroupSize.ToString("N0", CultureInfo.CurrentCulture)}) · {Presentation.Label(dialogue.Settings.Track)}";

    public static string MemberCount(int members) => members == 1 ? Resources.Setup.Get("OneMember") : Resources.Setup.Format("MemberCount", members);

    /// <summary>
    /// One warning per dimension in which k folds every group delegates belong to, so delegates would
    /// see no group's figures on their own there (the folding rule of docs/consensus.md, applied to
    /// today's roster). A convener learns it while she can still change k or the groups.
    /// </summary>
    public static IReadOnlyList<string> FoldWarnings(DialogueView dialogue)
    {
        var k = dialogue.Settings.MinimumGroupSize;
        var delegates = dialogue.Roster.Where(m => m.Role == Role.Delegate).ToList();
        var warnings = new List<string>();
        foreach (var dimension in dialogue.Dimensions)
        {
            var sizes = dimension.Groups
                .Select(g => (Group: g, Members: delegates.Count(m => m.Groups.GetValueOrDefault(dimension.Name) == g)))
                .ToList();
            var populated = sizes.Where(s => s.Members > 0).Select(s => s.Group).ToList();
            if (populated.Count == 0)
                continue;
            var folded = ConsensusRedaction.GroupsToFold(sizes, k);
            if (populated.All(folded.Contains))
                warnings.Add(Resources.Setup.Format("FoldWarning", k, dimension.Name, ConsensusRedaction.FoldedRowName, sizes.Max(s => s.Members)));
        }
        return warnings;
    }
}
