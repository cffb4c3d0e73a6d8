using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.LoadGenerator;

/// <summary>
/// One participant speaking the real hub protocol: signed in by its invite, joined to the
/// dialogue, recording for every position event how long after its sending it arrived, and
/// whether the statement's versions arrive complete, once each and in order.
/// </summary>
public sealed class SimulatedClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private long lastVersion;

    private SimulatedClient(HubConnection connection, HttpClient http)
    {
        this.connection = connection;
        Http = http;
    }

    public HttpClient Http { get; }

    public ConcurrentBag<double> DelaysMs { get; } = [];

    public int Lost { get; private set; }

    public int Duplicated { get; private set; }

    public int OutOfOrder { get; private set; }

    public long LastVersion => Interlocked.Read(ref lastVersion);

    public static async Task<SimulatedClient> SignInAsync(Uri server, string inviteCode, string statementStream, ConcurrentDictionary<string, long> sentAt)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server };
        (await http.PostAsync($"/api/invites/{inviteCode}/redeem", null)).EnsureSuccessStatusCode();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/dialogue"), o => o.Cookies = cookies)
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            })
            .Build();
        var client = new SimulatedClient(connection, http);
        connection.On<string, List<JsonObject>>("EventsAppended", (stream, events) =>
        {
            if (stream != statementStream)
                return;
            var now = Stopwatch.GetTimestamp();
            foreach (var e in events)
            {
                client.Observe(e["version"]!.GetValue<long>());
                if (e["note"]?.GetValue<string>() is { } note && sentAt.TryGetValue(note, out var sent))
                    client.DelaysMs.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
            }
        });
        await connection.StartAsync();
        return client;
    }

    public async Task JoinAsync(Guid dialogueId, string statementStream)
    {
        var joined = await connection.InvokeAsync<JsonElement>("JoinDialogue", dialogueId, new Dictionary<string, long?>());
        lastVersion = joined.GetProperty("versions").GetProperty(statementStream).GetInt64();
    }

    public Task<CommandOutcome> InvokeAsync(string method, object request) => connection.InvokeAsync<CommandOutcome>(method, request);

    private void Observe(long version)
    {
        var expected = lastVersion + 1;
        if (version == expected)
            lastVersion = version;
        else if (version <= lastVersion)
            Duplicated++;
        else
        {
            // A gap: the versions in between never came (or come later, out of order).
            Lost += (int)(version - expected);
            OutOfOrder++;
            lastVersion = version;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        Http.Dispose();
    }
}
