using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// What a viewer may see of the matrix (docs/domain.md). Outside Attributed mode, groups with fewer
/// than k members are not shown on their own — to anyone in Anonymous mode, to all but the chair
/// in ChathamHouse. They fold into one "Other groups" row. Folding one dimension goes on until that
/// row holds at least two groups and k members (or every group): with one group folded, its counts
/// would be the dimension total minus the rows shown. <see cref="Disclosure.RoomFolding"/> starts
/// from this and folds on until every cell across dimensions is safe too.
/// </summary>
public static class ConsensusRedaction
{
    public const string FoldedRowName = "Other groups";

    public static bool FoldsSmallGroups(ConfidentialityMode mode, Role viewer) => !Disclosure.SeesLiveFigures(mode, viewer);

    /// <summary>Whether the viewer may learn who took which position (names beside positions).</summary>
    public static bool SeesNames(ConfidentialityMode mode, Role viewer) => mode switch
    {
        ConfidentialityMode.Attributed => true,
        ConfidentialityMode.ChathamHouse => viewer.Chairs(),
        _ => false,
    };

    /// <summary>
    /// The figures folded as the room sees them (<see cref="Disclosure.ForRoom(StatementConsensus, DialogueState)"/>)
    /// for a viewer who does not see live figures; unchanged for one who does.
    /// </summary>
    public static StatementConsensus ForViewer(StatementConsensus consensus, DialogueState dialogue, Role viewer) =>
        Disclosure.SeesLiveFigures(dialogue.Settings.Confidentiality, viewer) ? consensus : Disclosure.ForRoom(consensus, dialogue);

    /// <summary>Groups below k, then more of the smallest until the fold is safe to show.</summary>
    public static HashSet<string> GroupsToFold(IReadOnlyList<(string Group, int Members)> groups, int k)
    {
        var small = groups.Where(g => g.Members > 0 && g.Members < k).Select(g => g.Group).ToHashSet();
        if (small.Count == 0)
            return small;
        foreach (var (group, _) in groups.Where(g => !small.Contains(g.Group)).OrderBy(g => g.Members))
        {
            var members = groups.Where(g => small.Contains(g.Group)).Sum(g => g.Members);
            if (small.Count >= 2 && members >= k)
                break;
            small.Add(group);
        }
        return small;
    }
}
