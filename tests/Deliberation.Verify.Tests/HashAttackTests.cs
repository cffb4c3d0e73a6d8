using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Persistence;

namespace Deliberation.Verify.Tests;

/// <summary>
/// Channel 1 of the "Trust II" issue, played as the attacker: a delegate of the demo (ChathamHouse,
/// k = 3) takes the log she receives and, for every position of someone else, rebuilds the event
/// for every roster member × every position kind × every clause and tests it against every hash
/// she holds. To make her stronger than any real delegate, an oracle (the facilitator's log) hands
/// her each hidden event's exact time, revision, option and note. With unsalted hashes (the old
/// chain) she named the author of every hidden position; with salted leaves no candidate matches
/// (docs/security.md, "Verifiable history").
/// </summary>
[Collection(DemoLogCollection.Name)]
public sealed class HashAttackTests(DemoLogFixture demo)
{
    private static readonly PositionKind[] Kinds = Enum.GetValues<PositionKind>();

    [Fact]
    public void NoHiddenPositionIsAttributedByTestingRosterMembersAgainstLeavesAndHashes()
    {
        var statementStream = StreamIds.Statement(demo.StatementId);
        var received = demo.DelegateEvents.Select(e => e!.AsObject()).Where(e => Str(e, "streamId") == statementStream).ToDictionary(e => Long(e, "version"));
        var truth = demo.FacilitatorEvents.Select(e => e!.AsObject()).Where(e => Str(e, "streamId") == statementStream).ToDictionary(e => Long(e, "version"));
        var members = demo.Dialogue["roster"]!.AsArray().Select(m => m!["participantId"]!.GetValue<Guid>()).ToList();
        var clauses = demo.Statement["clauses"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToList();

        // Others' positions and ranges: what she receives of them has no author (old code) or is opaque (now).
        var hidden = truth.Values
            .Where(t => Str(t, "type") is nameof(PositionTaken) or nameof(RangeStated))
            .Where(t => t["participantId"]!.GetValue<Guid>() != demo.Delegate)
            .Select(t => Long(t, "version")).Order().ToList();
        Assert.True(hidden.Count > 50, $"The demo has only {hidden.Count} hidden positions.");
        Assert.All(hidden, v => Assert.Null(received[v]["participantId"]));

        var attributed = Attack(received, truth, hidden, members, clauses, statementStream);

        Assert.True(attributed.Count == 0, $"{attributed.Count} hidden positions attributed: {string.Join("; ", attributed.Take(10))}");
    }

    [Fact]
    public void TheSameAttackNamesAuthorsInALogShapedAsTheOldUnsaltedChainGaveIt()
    {
        // The control: the statement stream re-chained the old way (unsalted, hex-text links) and
        // rendered as the old log did — others' positions with every field but their author and
        // hash. If this did not attribute, the attack above would prove nothing.
        var statementStream = StreamIds.Statement(demo.StatementId);
        var truth = demo.FacilitatorEvents.Select(e => e!.AsObject()).Where(e => Str(e, "streamId") == statementStream).ToDictionary(e => Long(e, "version"));
        var members = demo.Dialogue["roster"]!.AsArray().Select(m => m!["participantId"]!.GetValue<Guid>()).ToList();
        var clauses = demo.Statement["clauses"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToList();
        var old = new Dictionary<long, JsonObject>();
        var hash = "";
        var hidden = new List<long>();
        foreach (var (version, e) in truth.OrderBy(t => t.Key))
        {
            var type = Str(e, "type")!;
            var payload = DomainJson.SerializeEventPayload(DomainJson.DeserializeEvent(type, e.ToJsonString()));
            hash = EventHash.LegacyHash(hash, statementStream, version, type, Time(e), Str(e, "actor")!, payload);
            var shown = (JsonObject)e.DeepClone();
            shown.Remove("salt");
            shown.Remove("leaf");
            shown["eventHash"] = hash;
            if (type is nameof(PositionTaken) or nameof(RangeStated) && e["participantId"]!.GetValue<Guid>() != demo.Delegate)
            {
                shown.Remove("participantId");
                shown.Remove("actor");
                shown.Remove("eventHash");
                hidden.Add(version);
            }
            old[version] = shown;
        }

        var attributed = Attack(old, truth, hidden, members, clauses, statementStream);

        Assert.NotEmpty(attributed);
    }

    /// <summary>
    /// The attacker's whole effort: per hidden event, every candidate against the leaf and the hashes
    /// around it; per run of hidden events, the old chain from the hash before to the event after.
    /// Returns what she could attribute.
    /// </summary>
    private static List<string> Attack(
        Dictionary<long, JsonObject> received, Dictionary<long, JsonObject> truth, IReadOnlyList<long> hidden,
        IReadOnlyList<Guid> members, IReadOnlyList<Guid> clauses, string statementStream)
    {
            var attributed = new List<string>();
            foreach (var version in hidden)
            {
                var entry = received[version];
                var previousHash = received.TryGetValue(version - 1, out var previous) ? Str(previous, "eventHash") : version == 1 ? "" : null;
                foreach (var member in members)
                foreach (var candidate in Candidates(truth[version], member, clauses))
                {
                    var canonical = EventHash.Canonical(statementStream, version, candidate.EventType, Time(truth[version]), member.ToString(), DomainJson.SerializeEventPayload(candidate));
                    var unsalted = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
                    if (Str(entry, "leaf") == unsalted
                        || previousHash is not null && Str(entry, "eventHash") is { } hash
                            && (hash == EventHash.LegacyHash(previousHash, statementStream, version, candidate.EventType, Time(truth[version]), member.ToString(), DomainJson.SerializeEventPayload(candidate))
                                || hash == EventHash.Link(previousHash, unsalted)))
                        attributed.Add($"version {version} → {member}");
                }
            }

            // The old chain's attack across a run of hidden events: from the last hash she holds before
            // the run, through the run as one member's batch, to the next event she holds whole.
            foreach (var run in Runs(hidden))
            {
                if (!received.TryGetValue(run[0] - 1, out var before) || Str(before, "eventHash") is not { } start
                    || !received.TryGetValue(run[^1] + 1, out var after) || Str(after, "eventHash") is not { } end || Str(after, "type") == "Hidden")
                    continue;
                var afterPayload = DomainJson.SerializeEventPayload(DomainJson.DeserializeEvent(Str(after, "type")!, after.ToJsonString()));
                foreach (var member in members)
                {
                    var hash = start;
                    foreach (var version in run)
                    {
                        var e = Exactly(truth[version], member);
                        hash = EventHash.LegacyHash(hash, statementStream, version, e.EventType, Time(truth[version]), member.ToString(), DomainJson.SerializeEventPayload(e));
                    }
                    var next = Long(after, "version");
                    if (EventHash.LegacyHash(hash, statementStream, next, Str(after, "type")!, Time(after), Str(after, "actor") ?? "", afterPayload) == end)
                        attributed.Add($"versions {run[0]}–{run[^1]} → {member}");
                }
            }
        return attributed;
    }

    /// <summary>Every event the attacker might test for this member: each kind on each clause (with the oracle's option, revision and note), or each clause for a range.</summary>
    private static IEnumerable<StatementEvent> Candidates(JsonObject truth, Guid member, IReadOnlyList<Guid> clauses)
    {
        var revision = truth["revision"]!.GetValue<int>();
        if (Str(truth, "type") == nameof(RangeStated))
        {
            foreach (var clause in clauses)
                yield return new RangeStated(member, clause, revision, truth["low"]!.GetValue<double>(), truth["high"]!.GetValue<double>());
            yield break;
        }
        foreach (var clause in clauses)
        foreach (var kind in Kinds)
            yield return new PositionTaken(member, clause, Str(truth, "optionId"), revision, kind, Str(truth, "note"));
    }

    /// <summary>The hidden event exactly as it was, but for its author: what the old log showed of it.</summary>
    private static StatementEvent Exactly(JsonObject truth, Guid member) => Str(truth, "type") == nameof(RangeStated)
        ? new RangeStated(member, truth["clauseId"]!.GetValue<Guid>(), truth["revision"]!.GetValue<int>(), truth["low"]!.GetValue<double>(), truth["high"]!.GetValue<double>())
        : new PositionTaken(member, truth["clauseId"]!.GetValue<Guid>(), Str(truth, "optionId"), truth["revision"]!.GetValue<int>(), Enum.Parse<PositionKind>(Str(truth, "position")!), Str(truth, "note"));

    private static IEnumerable<List<long>> Runs(IReadOnlyList<long> versions)
    {
        var run = new List<long>();
        foreach (var v in versions)
        {
            if (run.Count > 0 && v != run[^1] + 1)
            {
                yield return run;
                run = [];
            }
            run.Add(v);
        }
        if (run.Count > 0)
            yield return run;
    }

    private static DateTimeOffset Time(JsonObject e) => DateTimeOffset.Parse(Str(e, "occurredAt")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string? Str(JsonObject e, string name) => e[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long Long(JsonObject e, string name) => e[name]!.GetValue<long>();
}
