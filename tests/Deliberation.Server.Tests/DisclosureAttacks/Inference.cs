using System.Text.Json.Nodes;

namespace Deliberation.Server.Tests.DisclosureAttacks;

/// <summary>A roster member as any member reads the roster (public in a Track 2 meeting): her groups per dimension.</summary>
public sealed record KnownMember(Guid Id, string Name, IReadOnlyDictionary<string, string> Groups);

/// <summary>
/// The attacker's arithmetic, written as a delegate would do it with a spreadsheet: between two
/// figures she saw, the rows whose counts moved in each dimension hold whoever changed; a member
/// can have changed only if, in every dimension, her row moved. The candidates for a change are
/// the members in that intersection — across dimensions is exactly what per-dimension folding
/// misses (docs/security.md, "Disclosure control").
/// </summary>
public static class Inference
{
    private static readonly string[] Counts = ["support", "accept", "standAside", "oppose", "block", "stale", "silent"];

    /// <summary>
    /// The members who could be behind the difference between two matrices of one clause; null
    /// when nothing moved (nothing to attribute).
    /// </summary>
    public static IReadOnlySet<Guid>? Candidates(JsonNode before, JsonNode after, IReadOnlyList<KnownMember> roster)
    {
        var moved = new Dictionary<string, HashSet<string>>();
        foreach (var dimension in after["dimensions"]!.AsArray())
        {
            var name = dimension!["name"]!.GetValue<string>();
            var earlier = before["dimensions"]!.AsArray().FirstOrDefault(d => d!["name"]!.GetValue<string>() == name);
            var groups = new HashSet<string>();
            foreach (var row in dimension["groups"]!.AsArray())
            {
                var was = earlier?["groups"]!.AsArray().FirstOrDefault(g => g!["group"]!.GetValue<string>() == row!["group"]!.GetValue<string>());
                if (was is null || Counts.Any(c => was[c]!.GetValue<int>() != row![c]!.GetValue<int>()))
                    groups.UnionWith(GroupsOf(row!));
            }
            moved[name] = groups;
        }
        if (moved.Values.All(g => g.Count == 0))
            return null;
        return roster.Where(m => moved.All(d => m.Groups.TryGetValue(d.Key, out var g) && d.Value.Contains(g))).Select(m => m.Id).ToHashSet();
    }

    /// <summary>The members who could be behind the difference between two presence counts; null when nothing moved.</summary>
    public static IReadOnlySet<Guid>? PresenceCandidates(JsonNode before, JsonNode after, IReadOnlyList<KnownMember> roster)
    {
        var moved = new Dictionary<string, HashSet<string>>();
        foreach (var dimension in after["byGroup"]!.AsArray())
        {
            var name = dimension!["dimension"]!.GetValue<string>();
            var earlier = before["byGroup"]!.AsArray().FirstOrDefault(d => d!["dimension"]!.GetValue<string>() == name)?["groups"]?.AsObject();
            var now = dimension["groups"]!.AsObject();
            var folded = now.Select(g => g.Key).Where(g => !roster.Any(m => m.Groups.Values.Contains(g))).ToList();
            var groups = new HashSet<string>();
            foreach (var (row, count) in now)
                if (earlier?[row]?.GetValue<int>() != count!.GetValue<int>())
                    groups.UnionWith(folded.Contains(row) ? AllGroupsIn(name, roster).Where(g => !now.ContainsKey(g)) : [row]);
            moved[name] = groups;
        }
        if (moved.Values.All(g => g.Count == 0))
            return null;
        return roster.Where(m => moved.All(d => m.Groups.TryGetValue(d.Key, out var g) && d.Value.Contains(g))).Select(m => m.Id).ToHashSet();
    }

    /// <summary>
    /// Whether a candidate set is wide enough: k people — k counts the cell, so when the attacker
    /// is among them she may exclude herself and still faces k − 1 others (docs/security.md).
    /// </summary>
    public static bool HidesAmongK(IReadOnlySet<Guid> candidates, int k) => candidates.Count >= k;

    private static IEnumerable<string> GroupsOf(JsonNode row) =>
        row["foldedGroups"] is JsonArray folded && folded.Count > 0
            ? folded.Select(g => g!.GetValue<string>())
            : [row["group"]!.GetValue<string>()];

    private static IEnumerable<string> AllGroupsIn(string dimension, IReadOnlyList<KnownMember> roster) =>
        roster.Select(m => m.Groups.GetValueOrDefault(dimension)).OfType<string>().Distinct();
}
