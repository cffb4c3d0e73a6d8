using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Server.Extensions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>
/// A real SignalR connection to <c>/hubs/dialogue</c> as one signed-in person (her cookie), using
/// the same JSON as the server. It records everything pushed to it so tests can wait for it.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string StreamId, JsonObject Event)> events = new();
    private readonly ConcurrentQueue<JsonElement> consensus = new();
    private readonly ConcurrentQueue<JsonElement> presence = new();
    private readonly ConcurrentQueue<JsonElement> previews = new();
    private readonly ConcurrentQueue<JsonElement> reminders = new();
    private readonly ConcurrentQueue<JsonElement> heartbeats = new();
    private readonly ConcurrentDictionary<string, long> held = new();
    private readonly ConcurrentQueue<string> timeline = new();
    private readonly bool catchesUp;
    private readonly Lock beatGate = new();
    private JsonElement? newestBeat;
    private int catchingUp;
    private int catchUps;

    private HubClient(HubConnection connection, bool catchesUp)
    {
        Connection = connection;
        this.catchesUp = catchesUp;
    }

    /// <summary>How long a client that sees a heartbeat ahead of it waits for the push before it calls CatchUp (the browser's RoomSession waits as long).</summary>
    public static readonly TimeSpan HeartbeatGrace = TimeSpan.FromMilliseconds(250);

    public HubConnection Connection { get; }

    public IReadOnlyCollection<(string StreamId, JsonObject Event)> Events => events;

    public IReadOnlyCollection<JsonElement> Consensus => consensus;

    public IReadOnlyCollection<JsonElement> Presence => presence;

    public IReadOnlyCollection<JsonElement> Previews => previews;

    public IReadOnlyCollection<JsonElement> Reminders => reminders;

    public IReadOnlyCollection<JsonElement> Heartbeats => heartbeats;

    /// <summary>How many times a heartbeat ahead of what this client held made it call CatchUp.</summary>
    public int CatchUps => Volatile.Read(ref catchUps);

    /// <summary>What arrived and what this client did, with times, so a failed wait shows where the time went.</summary>
    public IReadOnlyCollection<string> Timeline => timeline;

    /// <param name="catchesUp">
    /// Behave as the protocol asks of a client (docs/api.md): when a heartbeat shows a stream ahead
    /// of what was received, call <c>CatchUp</c> and record what comes back as if pushed.
    /// </param>
    public static async Task<HubClient> ConnectAsync(Uri server, ApiClient signedIn, bool catchesUp = false)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, RealtimeExtensions.HubPath.TrimStart('/')), options => options.Cookies = signedIn.Cookies!)
            .AddJsonProtocol(options => ServiceExtensions.CopyDomainJson(options.PayloadSerializerOptions))
            .Build();
        var client = new HubClient(connection, catchesUp);
        connection.On<string, List<JsonObject>>("EventsAppended", client.Receive);
        connection.On<JsonElement>("Heartbeat", beat =>
        {
            client.heartbeats.Enqueue(beat);
            client.Note($"heartbeat {beat.GetProperty("versions")}");
            if (client.catchesUp)
                _ = client.FollowAsync(beat);
        });
        connection.On<JsonElement>("ConsensusChanged", update => client.consensus.Enqueue(update));
        connection.On<JsonElement>("PresenceChanged", update => client.presence.Enqueue(update));
        connection.On<JsonElement>("DraftPreview", update => client.previews.Enqueue(update));
        connection.On<JsonElement>("StaleReminder", reminder => client.reminders.Enqueue(reminder));
        await connection.StartAsync();
        return client;
    }

    public async Task<JsonElement> JoinAsync(Guid dialogueId, Dictionary<string, long?>? seen = null)
    {
        var joined = await Connection.InvokeAsync<JsonElement>("JoinDialogue", dialogueId, seen ?? []);
        // A snapshot or the missed events bring the client up to these versions.
        foreach (var stream in joined.GetProperty("versions").EnumerateObject())
            Hold(stream.Name, stream.Value.GetInt64());
        return joined;
    }

    /// <summary>The version received last on a stream (from the join or pushes).</summary>
    public long HeldVersion(string streamId) => held.GetValueOrDefault(streamId);

    private void Receive(string stream, List<JsonObject> batch)
    {
        Note($"{stream}: {string.Join(",", batch.Select(e => e["version"]))}");
        foreach (var e in batch)
        {
            events.Enqueue((stream, e));
            Hold(stream, e["version"]!.GetValue<long>());
        }
    }

    private void Hold(string stream, long version) => held.AddOrUpdate(stream, version, (_, was) => Math.Max(was, version));

    private bool BehindOf(JsonElement beat) =>
        beat.GetProperty("versions").EnumerateObject().Any(s => s.Value.GetInt64() > HeldVersion(s.Name));

    private void Note(string what)
    {
        timeline.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}");
        // The recent past is what explains a failed wait; a long test must not keep every push.
        if (timeline.Count > 200)
            timeline.TryDequeue(out _);
    }

    /// <summary>As the browser's HeartbeatFollower: wait the grace for a push on its way, then catch up if still behind.</summary>
    private async Task FollowAsync(JsonElement beat)
    {
        if (!BehindOf(beat))
            return;
        lock (beatGate)
            newestBeat = beat;
        await Task.Delay(HeartbeatGrace);
        await CatchUpWhileBehindAsync();
    }

    /// <summary>
    /// One catch-up at a time, but no beat is dropped: one that arrives while a catch-up is on its way
    /// (and may show an event committed after that catch-up read) is taken by it right after, not
    /// left for the next beat a second later.
    /// </summary>
    private async Task CatchUpWhileBehindAsync()
    {
        while (Interlocked.Exchange(ref catchingUp, 1) == 0)
        {
            try
            {
                while (TakeNewestBeat() is { } beat && BehindOf(beat))
                    await CatchUpAsync(beat);
            }
            finally
            {
                Volatile.Write(ref catchingUp, 0);
            }
            // A beat that came between the last look and the release found a catch-up still busy: take it now.
            lock (beatGate)
                if (newestBeat is null)
                    return;
        }
    }

    private JsonElement? TakeNewestBeat()
    {
        lock (beatGate)
        {
            var beat = newestBeat;
            newestBeat = null;
            return beat;
        }
    }

    private async Task CatchUpAsync(JsonElement beat)
    {
        Interlocked.Increment(ref catchUps);
        var seen = held.ToDictionary(h => h.Key, h => (long?)h.Value);
        Note("catch-up asked");
        var missed = await Connection.InvokeAsync<List<JsonElement>>("CatchUp", beat.GetProperty("dialogueId").GetGuid(), seen);
        Note($"catch-up answered with {missed.Count} streams");
        foreach (var stream in missed)
            Receive(stream.GetProperty("streamId").GetString()!, [.. stream.GetProperty("events").EnumerateArray().Select(e => JsonNode.Parse(e.GetRawText())!.AsObject())]);
    }

    public Task<CommandOutcome> InvokeAsync(string method, object? request) =>
        Connection.InvokeAsync<CommandOutcome>(method, request);

    /// <summary>Waits until something pushed satisfies the condition; fails with what did arrive.</summary>
    public Task<T> WaitForAsync<T>(Func<HubClient, T?> found, TimeSpan? timeout = null, string what = "the push")
        where T : class =>
        Eventually.Async(
            () => Task.FromResult(found(this)),
            timeout ?? TimeSpan.FromSeconds(10),
            () => $"{what} did not arrive; events seen: {string.Join(", ", events.Select(e => e.Event["type"]))}; timeline: {string.Join(" | ", timeline.TakeLast(12))}",
            TimeSpan.FromMilliseconds(20));

    public JsonObject? EventOfType(string type, Func<JsonObject, bool>? where = null) =>
        events.Select(e => e.Event).FirstOrDefault(e => e["type"]?.GetValue<string>() == type && (where?.Invoke(e) ?? true));

    /// <summary>Within the second the server promises for a removal or revocation, with a little room for a loaded machine.</summary>
    public static readonly TimeSpan Promptly = TimeSpan.FromSeconds(1.5);

    /// <summary>Waits until the server has closed this connection.</summary>
    public Task WaitClosedAsync() => Eventually.Async(
        () => Connection.State == HubConnectionState.Disconnected,
        Promptly, () => $"the connection is still {Connection.State}", TimeSpan.FromMilliseconds(20));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
