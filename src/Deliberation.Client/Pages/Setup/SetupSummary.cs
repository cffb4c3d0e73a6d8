using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;

namespace Deliberation.Client.Pages.Setup;

/// <summary>The setup page's plain-language lines: where the dialogue is, how many members, and what k hides.</summary>
public static class SetupSummary
{
    /// <summary>The phase, named as such: "Setup · Setup" read as a stutter on the page called Setup.</summary>
    public static string Heading(Phase phase) => $"Phase: {Presentation.Label(phase)}";

    public static string MemberCount(int members) => members == 1 ? "1 member" : $"{members} members";

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
                warnings.Add($"With k = {k}, delegates see no {dimension.Name} group on its own: every group is folded into \"{ConsensusRedaction.FoldedRowName}\" "
                    + $"(largest: {sizes.Max(s => s.Members)} delegates). Lower k or merge groups if delegates should see them.");
        }
        return warnings;
    }
}
