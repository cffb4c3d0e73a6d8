using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Tests;

/// <summary>
/// A statement stored before positions moved into <see cref="PositionTable"/>s still loads: the
/// fixture was written by the code before the change (its history and the state it folded to), so
/// the text is the stored format itself, not what today's code thinks it was.
/// </summary>
public sealed class StoredPositionsTests
{
    private static readonly Lazy<(string State, List<StatementEvent> Events, List<EventMeta> Metas)> Stored = new(() =>
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "statement-before-flat-positions.json")));
        var root = fixture.RootElement;
        return (
            root.GetProperty("state").GetRawText(),
            DomainJson.Deserialize<List<StatementEvent>>(root.GetProperty("events").GetRawText()),
            DomainJson.Deserialize<List<EventMeta>>(root.GetProperty("metas").GetRawText()));
    });

    private static Guid G(int i) => new(i, 9, 9, [1, 2, 3, 4, 5, 6, 7, 8]);

    [Fact]
    public void AStoredStatementLoadsAndWritesTheSameText()
    {
        var stored = Stored.Value.State;

        var written = DomainJson.Serialize(DomainJson.Deserialize<StatementState>(stored));

        Assert.Equal(PositionTexts(stored), PositionTexts(written));
        Assert.Equal(Canonical(stored), Canonical(written));
    }

    [Fact]
    public void TheStoredHistoryReplaysToTheStoredText()
    {
        var (stored, events, metas) = Stored.Value;

        var written = DomainJson.Serialize(Statement.Replay(G(1), events.Zip(metas)));

        Assert.Equal(PositionTexts(stored), PositionTexts(written));
        Assert.Equal(Canonical(stored), Canonical(written));
    }

    /// <summary>Each table's text exactly as written: keyed by participant id, its order is the id's hash, the same in every process.</summary>
    private static List<string> PositionTexts(string state)
    {
        using var document = JsonDocument.Parse(state);
        return [.. document.RootElement.GetProperty("clauses").EnumerateObject().OrderBy(c => c.Name, StringComparer.Ordinal).SelectMany(clause =>
            clause.Value.GetProperty("optionPositions").EnumerateObject().OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => $"{clause.Name}/{o.Name}: {o.Value.GetRawText()}")
                .Prepend($"{clause.Name}: {clause.Value.GetProperty("positions").GetRawText()}"))];
    }

    /// <summary>
    /// The whole state with every object's members in ordinal order: dictionaries keyed by strings (option
    /// ids, languages) are written in the order of the string's hash, which .NET draws afresh in each process.
    /// </summary>
    private static string Canonical(string json) => Sorted(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    [Fact]
    public void AStoredStatementKeepsEveryPositionWithItsNoteAndTime()
    {
        var (stored, events, metas) = Stored.Value;
        var loaded = DomainJson.Deserialize<StatementState>(stored);
        var expected = new Dictionary<(Guid Clause, string? Option, Guid Participant), Position>();
        foreach (var (e, meta) in events.Zip(metas))
            if (e is PositionTaken p)
                expected[(p.ClauseId, p.OptionId, p.ParticipantId)] = new Position(p.Position, p.Revision, p.Note, meta.OccurredAt);
        // The editorial resolution carried the positions on option 1.1 over to the clause.
        foreach (var ((clause, option, participant), position) in expected.Where(x => x.Key.Option == "1.1").ToList())
            if (!events.OfType<PositionTaken>().Any(p => p.ClauseId == clause && p.OptionId is null && p.ParticipantId == participant && p.Revision == 2))
                expected[(clause, null, participant)] = position;

        var found = loaded.Clauses.Values.SelectMany(c => c.OptionPositions.Select(o => (Option: (string?)o.Key, Table: o.Value)).Prepend((null, c.Positions))
            .SelectMany(t => t.Table.Select(p => KeyValuePair.Create((c.Id, t.Option, p.Key), p.Value))));

        Assert.Equal(expected.OrderBy(x => x.Key.ToString()), found.OrderBy(x => x.Key.ToString()));
        Assert.Equal("Not without redaction", loaded.Clauses[G(10)].Positions[G(200)].Note);
    }
}
