using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    /// <summary>
    /// Each rendering kept per presence list, dialogue state and role. While a room fills, the joins
    /// that share one presence report (<see cref="Realtime.PresenceReporter"/>) and one room snapshot
    /// all ask for the same view, and each rendering walks everyone present: in a profile of 1,000
    /// joins it was a tenth of the server's CPU (docs/performance.md, "Session 13: joins"). Keyed by
    /// the instances, which are immutable, so a new list or a new roster is a new key.
    /// </summary>
    private static readonly ConditionalWeakTable<Presence, ConditionalWeakTable<DialogueState, PresenceView?[]>> Rendered = new();

    private static readonly int RoleCount = Enum.GetValues<Role>().Max(r => (int)r) + 1;

    public static PresenceView For(Presence presence, DialogueState dialogue, Role role)
    {
        var byRole = Rendered.GetValue(presence, _ => new()).GetValue(dialogue, _ => new PresenceView?[RoleCount]);
        // Two threads may render the same view at once; both results are equal, either may stay.
        return byRole[(int)role] ??= Render(presence, dialogue, role);
    }

    private static PresenceView Render(Presence presence, DialogueState dialogue, Role role)
    {
        var audience = Audience.OfRole(role, dialogue.Settings.Confidentiality);
        var present = new List<(Member Member, int Connections)>(presence.Members.Length);
        foreach (var m in presence.Members)
            if (dialogue.MemberOrNull(m.ParticipantId) is { } member)
                present.Add((member, m.Connections));
        var byRole = present.GroupBy(m => m.Member.Role.ToString()).ToImmutableDictionary(g => g.Key, g => g.Count());
        ImmutableArray<PresentPerson>? people = audience.SeesNames
            ? [.. present.Select(m => new PresentPerson(m.Member.ParticipantId, m.Member.DisplayName, m.Member.Role, m.Connections))]
            : null;
        // Groups fold by the roster, not by who is present, exactly as the released matrix folds them.
        var folding = audience.SeesLiveFigures ? null : Disclosure.RoomFolding(dialogue);
        var byGroup = dialogue.Dimensions.Select(d =>
        {
            IReadOnlySet<string> folded = folding?.GetValueOrDefault(d.Name) is { } set ? set : ImmutableHashSet<string>.Empty;
            var counts = d.Groups.Where(g => !folded.Contains(g)).ToDictionary(g => g, _ => 0);
            var inFolded = 0;
            // One pass over who is present for each dimension, not one for each of its groups.
            foreach (var (member, _) in present)
            {
                if (member.GroupIn(d.Name) is not { } group)
                    continue;
                if (folded.Contains(group))
                    inFolded++;
                else if (counts.TryGetValue(group, out var count))
                    counts[group] = count + 1;
            }
            if (folded.Count > 0)
                counts[ConsensusRedaction.FoldedRowName] = inFolded;
            return new DimensionPresence(d.Name, counts.ToImmutableDictionary());
        }).ToImmutableArray();
        return new PresenceView(presence.DialogueId, present.Count, people, byRole, byGroup);
    }
}
