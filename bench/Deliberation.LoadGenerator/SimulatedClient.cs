using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Deliberation.Contracts.Hub;

namespace Deliberation.LoadGenerator;

/// <summary>
/// One participant speaking the real hub protocol over its own WebSocket: signed in by its
/// invite cookie, joined to the dialogue, recording when each statement event arrived (matched to
/// its action's sending afterwards: <see cref="SentActions"/>), and whether the statement's versions
/// arrive complete, once each and in order.
/// </summary>
public sealed class SimulatedClient : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly HttpClient http;
    private readonly string statementStream;
    private readonly SentActions sent;
    private readonly JsonSerializerOptions json;
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> pending = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<PushReader.Pushed> scratch = [];
    private Task receiving = Task.CompletedTask;
    private long lastVersion;
    private volatile bool disposing;
    private int nextInvocation;

    private SimulatedClient(ClientWebSocket socket, HttpClient http, string statementStream, SentActions sent, JsonSerializerOptions json)
    {
        this.socket = socket;
        this.http = http;
        this.statementStream = statementStream;
        this.sent = sent;
        this.json = json;
    }

    /// <summary>Each statement event this client received: its version, when it arrived, and whether it is a release; read after <see cref="DisposeAsync"/>.</summary>
    public List<(long Version, long ArrivedAt, bool IsRelease)> Arrivals { get; } = [];

    /// <summary>Messages and bytes received, by the hub method invoked.</summary>
    public ReceivedTally Received { get; } = new();

    public int Lost { get; private set; }

    public int Duplicated { get; private set; }

    public int OutOfOrder { get; private set; }

    /// <summary>
    /// Why the connection ended before the run did (the server closed it, or reset it), or null while
    /// it is open. A closed client is counted and reported; it does not end the run, since a run
    /// that aborts on one lost connection says nothing about the others.
    /// </summary>
    public string? ClosedBecause { get; private set; }

    public static async Task<SimulatedClient> SignInAsync(Uri server, string inviteCode, string statementStream, SentActions sent, JsonSerializerOptions json)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server };
        (await http.PostAsync($"/api/invites/{inviteCode}/redeem", null)).EnsureSuccessStatusCode();
        return await ConnectAsync(server, cookies, statementStream, sent, json, http);
    }

    /// <summary>Opens the hub's WebSocket with the cookies given (none for the floor, which signs no one in).</summary>
    public static async Task<SimulatedClient> ConnectAsync(Uri server, CookieContainer cookies, string statementStream, SentActions sent, JsonSerializerOptions json, HttpClient? http = null)
    {
        http ??= new HttpClient { BaseAddress = server };
        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        // WebSockets without negotiation, as the browser client may do too.
        var hub = new UriBuilder(new Uri(server, "hubs/dialogue")) { Scheme = server.Scheme == "https" ? "wss" : "ws" }.Uri;
        await socket.ConnectAsync(hub, CancellationToken.None);
        var client = new SimulatedClient(socket, http, statementStream, sent, json);
        await client.SendAsync(HubFrames.Handshake);
        client.receiving = Task.Run(client.ReceiveAsync);
        return client;
    }

    /// <param name="namingStream">Names the followed stream in what it has seen (nothing yet): the floor answers the versions of the streams named.</param>
    public async Task JoinAsync(Guid dialogueId, bool namingStream = false)
    {
        Dictionary<string, long?> seen = namingStream ? new() { [statementStream] = null } : [];
        var joined = await InvokeAsync(nameof(IDialogueHub.JoinDialogue), [dialogueId, seen]);
        lastVersion = joined.GetProperty("versions").GetProperty(statementStream).GetInt64();
    }

    /// <summary>Invokes a hub method and returns its result; a hub error is thrown.</summary>
    public async Task<JsonElement> InvokeAsync(string method, IReadOnlyList<object?> arguments)
    {
        var id = Interlocked.Increment(ref nextInvocation).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        // A connection that closed meanwhile answers nothing: fail the call rather than wait for ever.
        if (ClosedBecause is { } reason)
            completion.TrySetException(new WebSocketException(reason));
        else
            await SendAsync(HubFrames.Invocation(id, method, arguments, json));
        return await completion.Task;
    }

    /// <summary>A keep-alive; on a connection that has closed it does nothing (the closing is already recorded).</summary>
    public async Task PingAsync()
    {
        if (ClosedBecause is not null)
            return;
        try
        {
            await SendAsync(HubFrames.Ping);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            Closed(e.Message);
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> frame)
    {
        await sending.WaitAsync();
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, true, stop.Token);
        }
        finally
        {
            sending.Release();
        }
    }

    private void Closed(string reason)
    {
        if (!disposing)
            ClosedBecause ??= $"{reason} ({DateTimeOffset.UtcNow:HH:mm:ss.fff})";
        foreach (var waiting in pending.Values)
            waiting.TrySetException(new WebSocketException(reason));
    }

    /// <summary>
    /// One loop a client: gathers a WebSocket message, splits it into hub messages and reads each.
    /// The arrival time is taken when the message is complete, before any parsing.
    /// </summary>
    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Closed($"closed by the server: {socket.CloseStatus} {socket.CloseStatusDescription}");
                    return;
                }
                buffer.Advance(result.Count);
                if (!result.EndOfMessage)
                    continue;
                var now = Stopwatch.GetTimestamp();
                Received.Frame();
                var rest = buffer.WrittenSpan;
                for (var end = rest.IndexOf(HubFrames.RecordSeparator); end >= 0; end = rest.IndexOf(HubFrames.RecordSeparator))
                {
                    Handle(rest[..end], now);
                    rest = rest[(end + 1)..];
                }
                buffer.ResetWrittenCount();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            Closed(e is OperationCanceledException ? "stopped" : e.Message);
        }
    }

    private void Handle(ReadOnlySpan<byte> message, long now)
    {
        // The handshake's answer, "{}", and pings carry nothing to measure.
        if (message.Length <= 2)
            return;
        var kind = PushReader.Read(message, scratch, out var stream, out var invocationId, out var target);
        Received.Message(target ?? (kind == FrameKind.Completion ? "(completion)" : "(other)"), message.Length + 1);
        switch (kind)
        {
            case FrameKind.EventsAppended when stream == statementStream:
                foreach (var pushed in scratch)
                {
                    Observe(pushed.Version);
                    Arrivals.Add((pushed.Version, now, pushed.IsRelease));
                }
                break;
            case FrameKind.Completion when invocationId is not null && pending.TryRemove(invocationId, out var completion):
                var root = JsonDocument.Parse(message.ToArray()).RootElement;
                if (root.TryGetProperty("error", out var error))
                    completion.TrySetException(new InvalidOperationException(error.GetString()));
                else
                    completion.TrySetResult(root.TryGetProperty("result", out var value) ? value : default);
                break;
        }
    }

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
        disposing = true;
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            // The server went first; nothing to close.
        }
        await stop.CancelAsync();
        await receiving;
        socket.Dispose();
        http.Dispose();
        stop.Dispose();
        sending.Dispose();
    }
}
