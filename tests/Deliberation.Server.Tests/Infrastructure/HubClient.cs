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

    private HubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public IReadOnlyCollection<(string StreamId, JsonObject Event)> Events => events;

    public IReadOnlyCollection<JsonElement> Consensus => consensus;

    public IReadOnlyCollection<JsonElement> Presence => presence;

    public IReadOnlyCollection<JsonElement> Previews => previews;

    public IReadOnlyCollection<JsonElement> Reminders => reminders;

    public static async Task<HubClient> ConnectAsync(Uri server, ApiClient signedIn)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, RealtimeExtensions.HubPath.TrimStart('/')), options => options.Cookies = signedIn.Cookies!)
            .AddJsonProtocol(options => ServiceExtensions.CopyDomainJson(options.PayloadSerializerOptions))
            .Build();
        var client = new HubClient(connection);
        connection.On<string, List<JsonObject>>("EventsAppended", (stream, batch) =>
        {
            foreach (var e in batch)
                client.events.Enqueue((stream, e));
        });
        connection.On<JsonElement>("ConsensusChanged", update => client.consensus.Enqueue(update));
        connection.On<JsonElement>("PresenceChanged", update => client.presence.Enqueue(update));
        connection.On<JsonElement>("DraftPreview", update => client.previews.Enqueue(update));
        connection.On<JsonElement>("StaleReminder", reminder => client.reminders.Enqueue(reminder));
        await connection.StartAsync();
        return client;
    }

    public Task<JsonElement> JoinAsync(Guid dialogueId, Dictionary<string, long?>? seen = null) =>
        Connection.InvokeAsync<JsonElement>("JoinDialogue", dialogueId, seen ?? []);

    public Task<CommandOutcome> InvokeAsync(string method, object? request) =>
        Connection.InvokeAsync<CommandOutcome>(method, request);

    /// <summary>Waits until something pushed satisfies the condition; fails with what did arrive.</summary>
    public Task<T> WaitForAsync<T>(Func<HubClient, T?> found, TimeSpan? timeout = null, string what = "the push")
        where T : class =>
        Eventually.Async(
            () => Task.FromResult(found(this)),
            timeout ?? TimeSpan.FromSeconds(10),
            () => $"{what} did not arrive; events seen: {string.Join(", ", events.Select(e => e.Event["type"]))}",
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
