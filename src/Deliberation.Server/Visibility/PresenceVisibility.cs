using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Visibility;

/// <summary>
/// Presence as a role may see it: names only where the mode shows names to that role; otherwise
/// counts by role and by the rows the room's matrix shows (<see cref="Disclosure.RoomFolding"/>) —
/// never finer than a release: an arrival counted in a row the matrix folds would tell who arrived
/// as surely as a name (docs/security.md, "What a release viewer receives").
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
        // Groups fold by the roster, not by who is present, exactly as the released matrix folds them.
        var folding = audience.SeesLiveFigures ? null : Disclosure.RoomFolding(dialogue);
        var byGroup = dialogue.Dimensions.Select(d =>
        {
            IReadOnlySet<string> folded = folding?.GetValueOrDefault(d.Name) is { } set ? set : ImmutableHashSet<string>.Empty;
            var counts = d.Groups.Where(g => !folded.Contains(g))
                .ToDictionary(g => g, g => present.Count(m => m.Member.GroupIn(d.Name) == g));
            if (folded.Count > 0)
                counts[ConsensusRedaction.FoldedRowName] = present.Count(m => m.Member.GroupIn(d.Name) is { } g && folded.Contains(g));
            return new DimensionPresence(d.Name, counts.ToImmutableDictionary());
        }).ToImmutableArray();
        return new PresenceView(presence.DialogueId, present.Count, people, byRole, byGroup);
    }
}
