using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Deliberation.FloorHub;

/// <summary>
/// What the server pushes to a delegate for a load run's actions, field for field with made-up values,
/// so a frame of the floor is as long as one of ours (read from a run against the server): in a
/// Chatham House room another delegate's position arrives as a <c>Hidden</c> entry (version, log
/// position, leaf and hash), and every third change on a clause brings a <c>FiguresReleased</c> with
/// the clause's figures by group.
/// </summary>
public static class FloorPayloads
{
    public const int ChangesPerRelease = 3;

    private static readonly string[] Groups = ["China", "United States", "Europe", "Global South"];

    public static JsonObject Hidden(string streamId, long version) => new()
    {
        ["type"] = "Hidden",
        ["streamId"] = streamId,
        ["version"] = version,
        ["logPosition"] = version + 500,
        ["leaf"] = Hex(),
        ["eventHash"] = Hex(),
    };

    public static JsonObject Release(string streamId, long version, Guid clauseId, IReadOnlyList<string?> notes) => new()
    {
        ["type"] = "FiguresReleased",
        ["trigger"] = "Threshold",
        ["clauses"] = new JsonArray(new JsonObject
        {
            ["clauseId"] = clauseId,
            ["changes"] = ChangesPerRelease,
            ["forced"] = false,
            ["figures"] = Figures(clauseId),
            ["notes"] = new JsonArray([.. notes.Select(n => JsonValue.Create(n))]),
        }),
        ["streamId"] = streamId,
        ["version"] = version,
        ["logPosition"] = version + 500,
        ["occurredAt"] = DateTimeOffset.UtcNow,
        ["actor"] = Guid.Empty,
        ["salt"] = Hex(),
        ["leaf"] = Hex(),
        ["eventHash"] = Hex(),
    };

    private static JsonObject Figures(Guid clauseId) => new()
    {
        ["clauseId"] = clauseId,
        ["optionId"] = null,
        ["externalId"] = null,
        ["kind"] = "Principle",
        ["revision"] = 1,
        ["status"] = "Gathering",
        ["gac"] = 0.14814814814814814,
        ["gacGeometricMean"] = 0.6204032394013997,
        ["dimensions"] = new JsonArray(new JsonObject
        {
            ["name"] = "Region",
            ["countsForConsensus"] = true,
            ["gac"] = 0.14814814814814814,
            ["groups"] = new JsonArray([.. Groups.Select(g => (JsonNode)Group(g, 25))]),
            ["total"] = Group("Total", 100),
        }),
        ["options"] = new JsonArray(),
        ["fundingFloor"] = null,
        ["release"] = null,
    };

    private static JsonObject Group(string name, int members) => new()
    {
        ["group"] = name, ["members"] = members, ["support"] = 0, ["accept"] = 1, ["standAside"] = 0, ["oppose"] = 0,
        ["block"] = 0, ["stale"] = 0, ["silent"] = members - 1, ["share"] = 1, ["meetsRule"] = false, ["needed"] = members / 2,
        ["foldedGroups"] = new JsonArray(),
    };

    private static string Hex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
