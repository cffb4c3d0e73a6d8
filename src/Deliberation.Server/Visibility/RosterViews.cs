using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Visibility;

/// <summary>
/// The roster as every viewer's dialogue view lists it, kept for as long as the roster itself lives.
/// Every join's snapshot holds the whole roster sorted by role and name: in a room of 1,000 that
/// sort (culture-aware name comparisons) cost each join milliseconds, and 1,000 joins paid it
/// 1,000 times over the same roster (docs/performance.md, "Joining"). Keyed by the roster's own
/// instance — immutable, and handed over uncopied by the dialogue grain (<c>Immutable&lt;T&gt;</c>) —
/// so a changed roster is a new key and nothing can be stale.
/// </summary>
public static class RosterViews
{
    private static readonly ConditionalWeakTable<ImmutableDictionary<Guid, Member>, StrongBox<ImmutableArray<MemberView>>> Sorted = new();

    public static ImmutableArray<MemberView> Of(DialogueState dialogue) =>
        Sorted.GetValue(dialogue.Roster, _ => new StrongBox<ImmutableArray<MemberView>>(StateViews.Roster(dialogue))).Value;
}
