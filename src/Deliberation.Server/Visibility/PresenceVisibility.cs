using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Visibility;

/// <summary>
/// Presence as a role may see it: names only where the mode shows names to that role; otherwise
/// counts by role and by group, with groups under k folded as in the consensus matrix — a count of
/// one in a group of two tells who is in the room as surely as a name.
/// </summary>
public static class PresenceVisibility
{
    public static PresenceView For(Presence presence, DialogueState dialogue, Role role)
    {
        var audience = Audience.OfRole(role, dialogue.Settings.Confidentiality);
        var present = presence.Members
            .Select(m => (Member: dialogue.MemberOrNull(m.ParticipantId), m.Connections))
            .Where(m => m.Member is not null)
            .Select(m => (Member: m.Member!, m.Connections))
            .ToList();
        var byRole = present.GroupBy(m => m.Member.Role.ToString()).ToImmutableDictionary(g => g.Key, g => g.Count());
        ImmutableArray<PresentPerson>? people = audience.SeesNames
            ? [.. present.Select(m => new PresentPerson(m.Member.ParticipantId, m.Member.DisplayName, m.Member.Role, m.Connections))]
            : null;
        var byGroup = dialogue.Dimensions.Select(d =>
        {
            // Groups fold by their size on the roster, not by who is present, as in the matrix.
            var sizes = d.Groups.Select(g => (g, dialogue.Roster.Values.Count(m => m.GroupIn(d.Name) == g))).ToArray();
            var folded = audience.FoldsSmallGroups ? ConsensusRedaction.GroupsToFold(sizes, dialogue.Settings.MinimumGroupSize) : [];
            var counts = d.Groups.Where(g => !folded.Contains(g))
                .ToDictionary(g => g, g => present.Count(m => m.Member.GroupIn(d.Name) == g));
            if (folded.Count > 0)
                counts[ConsensusRedaction.FoldedRowName] = present.Count(m => m.Member.GroupIn(d.Name) is { } g && folded.Contains(g));
            return new DimensionPresence(d.Name, counts.ToImmutableDictionary());
        }).ToImmutableArray();
        return new PresenceView(presence.DialogueId, present.Count, people, byRole, byGroup);
    }
}
