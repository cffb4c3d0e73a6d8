using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Server.Tests.DisclosureAttacks;

/// <summary>What the observer saw, in the order it arrived, with when it arrived.</summary>
public sealed record Seen(string Kind, DateTimeOffset At, JsonNode Payload);

/// <summary>
/// A delegate who does the arithmetic: she joins the room over real SignalR as any delegate does,
/// records every push (events, consensus, presence) with its arrival time, polls the history
/// (<c>consensus?at=</c>) around every event, downloads the events log, and then infers, for each
/// change she could not see, which roster members could have made it (<see cref="Inference"/>).
/// The suite asserts on her inference — "no hidden position is narrowed to fewer than k people" —
/// not on the absence of names.
/// </summary>
public sealed class RoomObserver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Seen> seen = new();
    private readonly TestDialogue dialogue;

    private RoomObserver(TestDialogue dialogue, string name, HubClient hub, IReadOnlyList<KnownMember> roster)
    {
        this.dialogue = dialogue;
        Name = name;
        Hub = hub;
        Roster = roster;
    }

    public string Name { get; }

    public Guid Me => dialogue.IdOf(Name);

    public HubClient Hub { get; }

    /// <summary>The voting members, as the roster she may read names them and their groups.</summary>
    public IReadOnlyList<KnownMember> Roster { get; }

    public IReadOnlyCollection<Seen> Timeline => seen;

    /// <summary>Connects as <paramref name="name"/>; <paramref name="asRoom"/> watches as the projector does.</summary>
    public static async Task<RoomObserver> JoinAsync(DisclosureFixture fixture, TestDialogue dialogue, string name, bool asRoom = false)
    {
        var view = await dialogue[name].GetJsonAsync(dialogue.Url);
        var roster = view["roster"]!.AsArray()
            .Where(m => m!["groups"]!.AsObject().Count > 0)
            .Select(m => new KnownMember(m!["participantId"]!.GetValue<Guid>(), m["displayName"]!.GetValue<string>(),
                m["groups"]!.AsObject().ToDictionary(g => g.Key, g => g.Value!.GetValue<string>())))
            .ToList();
        var hub = await fixture.ConnectAsync(dialogue, name);
        var observer = new RoomObserver(dialogue, name, hub, roster);
        hub.Connection.On<string, List<JsonObject>>("EventsAppended", (stream, events) =>
        {
            foreach (var e in events)
            {
                e["streamId"] ??= stream;
                observer.Record("event", e);
            }
        });
        hub.Connection.On<JsonElement>("ConsensusChanged", update => observer.Record("consensus", JsonNode.Parse(update.GetRawText())!));
        hub.Connection.On<JsonElement>("PresenceChanged", update => observer.Record("presence", JsonNode.Parse(update.GetRawText())!));
        var joined = JsonNode.Parse((await hub.Connection.InvokeAsync<JsonElement>(asRoom ? "WatchAsRoom" : "JoinDialogue", dialogue.Id, new Dictionary<string, long?>())).GetRawText())!;
        observer.Record("join", joined);
        observer.Record("presence", joined["presence"]!);
        foreach (var statement in joined["consensus"]!.AsArray())
            observer.Record("consensus", statement!);
        return observer;
    }

    private void Record(string kind, JsonNode payload) => seen.Enqueue(new Seen(kind, DateTimeOffset.UtcNow, payload));

    /// <summary>
    /// Each clause's figures in the order she received them (join, then pushes), as her screen holds
    /// them: a release event is the released clause as her screen builds it from the event
    /// (<see cref="Disclosure.AsShown"/>; docs/api.md, "Releases and the room's view"), a pending mark
    /// is the figures held before with "changes pending" as it says.
    /// </summary>
    public IReadOnlyList<JsonNode> ClauseStates(Guid clauseId)
    {
        var states = new List<JsonNode>();
        foreach (var received in seen.Where(s => s.Kind is "consensus" or "event"))
        {
            if (received.Kind == "event")
            {
                if (ReleaseAsShown(received.Payload, clauseId, states.LastOrDefault()) is { } shown)
                    states.Add(shown);
                continue;
            }
            var update = received.Payload;
            states.AddRange(update["clauses"]!.AsArray().Where(c => c!["clauseId"]!.GetValue<Guid>() == clauseId && c["optionId"] is null).Select(c => c!));
            foreach (var mark in update["pending"]?.AsArray().Where(m => m!["clauseId"]!.GetValue<Guid>() == clauseId) ?? [])
            {
                var held = states.LastOrDefault()?.DeepClone();
                if (held?["release"] is JsonObject release)
                {
                    release["changesPending"] = mark!["changesPending"]!.GetValue<bool>();
                    states.Add(held);
                }
            }
        }
        return states;
    }

    /// <summary>The clause as a release in this event shows it, if the event releases it past the release held.</summary>
    private static JsonNode? ReleaseAsShown(JsonNode e, Guid clauseId, JsonNode? held)
    {
        if ((string?)e["type"] != nameof(FiguresReleased) || held?["release"] is not JsonObject heldRelease)
            return null;
        var version = e["version"]!.GetValue<long>();
        var released = (FiguresReleased)DomainJson.DeserializeEvent(nameof(FiguresReleased), e.ToJsonString());
        if (released.Clauses.FirstOrDefault(c => c.ClauseId == clauseId) is not { } release || heldRelease["statementVersion"]!.GetValue<long>() >= version)
            return null;
        return JsonNode.Parse(DomainJson.Serialize(Disclosure.AsShown(release, version, e["occurredAt"]!.GetValue<DateTimeOffset>(), released.Trigger)));
    }

    public IReadOnlyList<JsonNode> PresenceStates => [.. seen.Where(s => s.Kind == "presence").Select(s => s.Payload)];

    public IReadOnlyList<JsonObject> Events => [.. seen.Where(s => s.Kind == "event").Select(s => (JsonObject)s.Payload)];

    /// <summary>Her inference from consecutive pushes of one clause: the candidates behind each change she saw.</summary>
    public IReadOnlyList<IReadOnlySet<Guid>> AttributionsFromPushes(Guid clauseId) => Differences(ClauseStates(clauseId));

    /// <summary>Her inference from presence pushes: the candidates behind each arrival or departure.</summary>
    public IReadOnlyList<IReadOnlySet<Guid>> AttributionsFromPresence()
    {
        var states = PresenceStates;
        return [.. states.Zip(states.Skip(1)).Select(p => Inference.PresenceCandidates(p.First, p.Second, Roster)).OfType<IReadOnlySet<Guid>>()];
    }

    /// <summary>
    /// Her inference from history: the matrix just before and at each statement event she was sent
    /// (by its <c>occurredAt</c> when shown, else by when it arrived), differenced.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlySet<Guid>>> AttributionsFromHistoryAsync(Guid clauseId)
    {
        var moments = new SortedSet<DateTimeOffset>();
        foreach (var s in seen.Where(s => s.Kind == "event" && s.Payload["streamId"]?.GetValue<string>()?.StartsWith("statement-", StringComparison.Ordinal) == true))
        {
            var at = s.Payload["occurredAt"] is { } occurred ? occurred.GetValue<DateTimeOffset>() : s.At;
            moments.Add(at.AddTicks(-1));
            moments.Add(at);
        }
        var states = new List<JsonNode>();
        foreach (var at in moments)
        {
            var consensus = await dialogue.ConsensusAsync(Name, at.ToString("O", CultureInfo.InvariantCulture));
            states.Add(ConsensusJson.Clause(consensus, clauseId));
        }
        return Differences(states);
    }

    /// <summary>The events log as she may download it.</summary>
    public async Task<JsonArray> EventsLogAsync() => (await dialogue.EventsAsync(Name)).Events;

    private List<IReadOnlySet<Guid>> Differences(IReadOnlyList<JsonNode> states) =>
        [.. states.Zip(states.Skip(1)).Select(p => Inference.Candidates(p.First, p.Second, Roster)).OfType<IReadOnlySet<Guid>>()];

    /// <summary>A readable account of a narrow attribution, for the failure message.</summary>
    public string Describe(IReadOnlySet<Guid> candidates) =>
        $"{candidates.Count} candidate(s): {string.Join(", ", Roster.Where(m => candidates.Contains(m.Id)).Select(m => m.Name))}";

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
