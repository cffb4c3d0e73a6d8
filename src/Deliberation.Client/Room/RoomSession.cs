using System.Text.Json.Nodes;
using Deliberation.Client.Api;
using Deliberation.Contracts.Json;
using Deliberation.Domain;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deliberation.Client.Room;

/// <summary>
/// One page's live link to a dialogue: the hub connection, the <see cref="RoomState"/> it keeps
/// current, and the commands. Joins with the versions held (a snapshot the first time), applies
/// pushed events in order, catches up on a gap, rejoins after a reconnect, and refetches a view
/// over HTTP when it cannot apply what arrived. Pages listen to <see cref="Changed"/>.
/// </summary>
public sealed class RoomSession : IDialogueClient, IAsyncDisposable
{
    private readonly HubConnection hub;
    private readonly DialogueHubProxy calls;
    private readonly DeliberationApi api;
    private readonly ILogger logger;
    private readonly List<Func<Task>> buffered = [];
    private readonly List<IDisposable> handlers = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly HeartbeatFollower heartbeats;
    private bool joining;
    private bool catchingUp;

    /// <summary>A catch-up was asked for while one was on its way: that one read the log too early to be enough.</summary>
    private bool catchUpAgain;

    public RoomSession(Guid dialogueId, Uri hubUrl, DeliberationApi api, ILogger logger, Action<IHubConnectionBuilder>? configure = null, bool asRoom = false)
    {
        AsRoom = asRoom;
        this.api = api;
        this.logger = logger;
        State = new RoomState(dialogueId);
        heartbeats = new HeartbeatFollower(State, CatchUpAndShowAsync, TimeProvider.System);
        var builder = new HubConnectionBuilder()
            .WithUrl(hubUrl)
            .WithAutomaticReconnect(new RetryForever())
            .AddJsonProtocol(options => WireJson.ApplyTo(options.PayloadSerializerOptions));
        configure?.Invoke(builder);
        hub = builder.Build();
        calls = new DialogueHubProxy(hub, stopping.Token);
        handlers.AddRange(calls.Listen(this));
        hub.Reconnecting += _ => SetConnection(ConnectionState.Reconnecting);
        hub.Reconnected += async _ =>
        {
            await SetConnection(ConnectionState.Connected);
            await JoinAsync();
        };
        hub.Closed += async error =>
        {
            await SetConnection(ConnectionState.Offline);
            if (!stopping.IsCancellationRequested)
                _ = KeepTryingAsync();
        };
    }

    public RoomState State { get; }

    /// <summary>
    /// Whether this session watches as the room's audience (the projector): what a delegate sees,
    /// whoever's browser it runs in (docs/api.md, "WatchAsRoom").
    /// </summary>
    public bool AsRoom { get; }

    public ConnectionState Connection { get; private set; } = ConnectionState.Connecting;

    /// <summary>Why the room could not be joined (not signed in, not a member), for the page to show.</summary>
    public string? JoinError { get; private set; }

    /// <summary>Raised after anything in <see cref="State"/> or <see cref="Connection"/> changed.</summary>
    public event Func<Task>? Changed;

    public Guid DialogueId => State.DialogueId;

    public async Task StartAsync()
    {
        if (await TryStartAsync())
            await JoinAsync();
        else
            _ = KeepTryingAsync();
    }

    /// <summary>Sends a command to the hub (<c>hub => hub.TakePosition(…)</c>); a refusal comes back as a value, as does being offline.</summary>
    public Task<CommandOutcome> SendAsync(Func<IDialogueHub, Task<CommandOutcome>> command) =>
        CallAsync(command, error => CommandOutcome.Refused("", 0, error));

    /// <summary>Reminds the delegates whose position on the clause is stale; the answer is a count, or the refusal.</summary>
    public Task<ReminderOutcome> RemindStaleAsync(Guid statementId, Guid clauseId) =>
        CallAsync(hub => hub.RemindStale(new RemindStaleRequest(DialogueId, statementId, clauseId)), error => new ReminderOutcome(false, 0, error));

    /// <summary>Once the delegate has read a reminder (or acted on it), it goes.</summary>
    public Task DismissReminderAsync(Guid clauseId)
    {
        State.DismissReminder(clauseId);
        return NotifyAsync();
    }

    private async Task<T> CallAsync<T>(Func<IDialogueHub, Task<T>> call, Func<RuleError, T> refused)
    {
        if (hub.State != HubConnectionState.Connected)
            return refused(RuleError.Conflict("connection.offline", "Not connected to the room: wait until the connection is back, then try again."));
        try
        {
            return await call(calls);
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or IOException or TaskCanceledException)
        {
            logger.LogWarning(e, "A command to the hub failed");
            return refused(RuleError.Invalid("connection.failed", e.Message));
        }
    }

    /// <summary>Refetches one statement and its figures over HTTP.</summary>
    public async Task RefreshStatementAsync(Guid statementId)
    {
        var view = await api.GetStatementAsync(DialogueId, statementId);
        if (view.Value is { } statement)
            State.ReplaceStatement(statement);
        var figures = await api.GetConsensusAsync(DialogueId, statementId, AsRoom);
        if (figures.Value is { } consensus)
            State.ReplaceConsensus(consensus);
        await NotifyAsync();
    }

    private async Task<bool> TryStartAsync()
    {
        try
        {
            await SetConnection(ConnectionState.Connecting);
            await hub.StartAsync(stopping.Token);
            await SetConnection(ConnectionState.Connected);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            logger.LogInformation("Could not connect to the room: {Message}", e.Message);
            await SetConnection(ConnectionState.Offline);
            return false;
        }
    }

    private async Task KeepTryingAsync()
    {
        var delay = TimeSpan.FromSeconds(2);
        while (!stopping.IsCancellationRequested && hub.State == HubConnectionState.Disconnected)
        {
            try
            {
                await Task.Delay(delay, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (await TryStartAsync())
            {
                await JoinAsync();
                return;
            }
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 15));
        }
    }

    /// <summary>Joins with what is held: the first time a snapshot comes back, later only what was missed.</summary>
    private async Task JoinAsync()
    {
        joining = true;
        try
        {
            var seen = State.HasSnapshot ? State.Seen() : [];
            var result = await JoinCallAsync(seen);
            JoinError = null;
            if (result.Snapshot is { } snapshot)
                State.LoadSnapshot(snapshot, result.Versions);
            State.Presence = result.Presence;
            State.History = result.History ?? HistoryIntegrityView.Whole;
            foreach (var stream in result.Missed)
                await ProcessEventsAsync(stream.StreamId, stream.Events);
            // Figures that moved while this client was away come only with the join.
            foreach (var figures in result.Consensus)
                State.ReplaceConsensus(figures);
            joining = false;
            foreach (var push in buffered.ToList())
                await push();
            buffered.Clear();
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or IOException or TaskCanceledException)
        {
            JoinError = e is HubException ? e.Message.Replace($"An unexpected error occurred invoking '{nameof(IDialogueHub.JoinDialogue)}' on the server. HubException: ", "") : "Could not join the room.";
            logger.LogWarning(e, "Joining the room failed");
        }
        finally
        {
            joining = false;
            buffered.Clear();
        }
        await NotifyAsync();
    }

    private Task<JoinResult> JoinCallAsync(Dictionary<string, long?> seen) =>
        AsRoom ? calls.WatchAsRoom(DialogueId, seen) : calls.JoinDialogue(DialogueId, seen);

    // The pushes (IDialogueClient): while a join is in flight they wait, so they apply after its snapshot.

    Task IDialogueClient.EventsAppended(string streamId, IReadOnlyList<JsonObject> events) =>
        OnPush(() => ProcessEventsAsync(streamId, events));

    Task IDialogueClient.ConsensusChanged(ConsensusUpdate update) => OnPush(() =>
    {
        State.MergeConsensus(update);
        return Task.CompletedTask;
    });

    Task IDialogueClient.PresenceChanged(PresenceView presence) => OnPush(() =>
    {
        State.Presence = presence;
        return Task.CompletedTask;
    });

    Task IDialogueClient.DraftPreview(DraftPreviewView preview) => OnPush(() =>
    {
        if (preview.Author != State.Me)
            State.SetPreview(preview);
        return Task.CompletedTask;
    });

    Task IDialogueClient.StaleReminder(StaleReminderView reminder) => OnPush(() =>
    {
        State.AddReminder(reminder);
        return Task.CompletedTask;
    });

    Task IDialogueClient.HistoryIntegrityChanged(HistoryIntegrityView history) => OnPush(() =>
    {
        State.History = history;
        return Task.CompletedTask;
    });

    // A join brings everything up to date itself; otherwise the follower waits for the push before catching up.
    Task IDialogueClient.Heartbeat(RoomHeartbeat heartbeat)
    {
        if (!joining)
            _ = heartbeats.FollowAsync(heartbeat);
        return Task.CompletedTask;
    }

    private async Task OnPush(Func<Task> apply)
    {
        if (joining)
        {
            buffered.Add(apply);
            return;
        }
        await apply();
        await NotifyAsync();
    }

    private async Task ProcessEventsAsync(string streamId, IReadOnlyList<JsonObject> events)
    {
        var outcome = State.Apply(streamId, events);
        if (outcome.Gap)
            await CatchUpAsync();
        await FollowUpAsync(outcome);
    }

    /// <summary>What applying events may leave to do: refetch a view it could not evolve, fetch new statements, refresh figures whose basis moved.</summary>
    private async Task FollowUpAsync(ApplyOutcome outcome)
    {
        var streamId = outcome.StreamId;
        if (outcome.NeedsRefetch)
            await RefetchAsync(streamId);
        foreach (var id in outcome.NewStatements)
            if (State.StatementOrNull(id) is null)
                await RefreshStatementAsync(id);
        if (outcome.ConsensusBasisMoved)
            foreach (var statement in State.Statements)
            {
                var figures = await api.GetConsensusAsync(DialogueId, statement.Id, AsRoom);
                if (figures.Value is { } consensus)
                    State.ReplaceConsensus(consensus);
            }
    }

    /// <summary>
    /// A version went missing: ask for everything after what is held; if that still leaves a hole,
    /// start over from a snapshot. One at a time; a call that comes while one is on its way (a gap or
    /// a heartbeat naming an event committed after that one read the log) makes it ask once more
    /// when it returns, rather than be dropped until the next heartbeat.
    /// </summary>
    private async Task CatchUpAsync()
    {
        if (catchingUp)
        {
            catchUpAgain = true;
            return;
        }
        catchingUp = true;
        try
        {
            do
            {
                catchUpAgain = false;
                await CatchUpOnceAsync();
            }
            while (catchUpAgain);
        }
        finally
        {
            catchingUp = false;
        }
    }

    private async Task CatchUpOnceAsync()
    {
        try
        {
            var missed = await calls.CatchUp(DialogueId, State.Seen());
            var stillGap = false;
            foreach (var stream in missed)
            {
                var outcome = State.Apply(stream.StreamId, stream.Events);
                stillGap |= outcome.Gap;
                // A heartbeat may reveal a whole statement this client never heard of.
                await FollowUpAsync(outcome);
            }
            if (stillGap)
            {
                var result = await JoinCallAsync([]);
                if (result.Snapshot is { } snapshot)
                    State.LoadSnapshot(snapshot, result.Versions);
            }
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or IOException or TaskCanceledException)
        {
            logger.LogWarning(e, "Catching up failed");
        }
    }

    private async Task CatchUpAndShowAsync()
    {
        await CatchUpAsync();
        await NotifyAsync();
    }

    private async Task RefetchAsync(string streamId)
    {
        if (StreamIds.TryStatementId(streamId, out var statementId))
        {
            await RefreshStatementAsync(statementId);
            return;
        }
        var dialogue = await api.GetDialogueAsync(DialogueId);
        if (dialogue.Value is { } view)
            State.ReplaceDialogue(view);
    }

    private async Task SetConnection(ConnectionState state)
    {
        Connection = state;
        await NotifyAsync();
    }

    private async Task NotifyAsync()
    {
        if (Changed is { } changed)
            await changed();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var handler in handlers)
            handler.Dispose();
        try
        {
            await hub.DisposeAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
        {
            // Leaving the page: nothing to save.
        }
        stopping.Dispose();
    }
}

/// <summary>Makes one <see cref="RoomSession"/> per page that needs the live room.</summary>
public sealed class RoomSessionFactory(IServiceProvider services, Uri baseAddress)
{
    public RoomSession Create(Guid dialogueId, bool asRoom = false) => new(
        dialogueId,
        new Uri(baseAddress, "hubs/dialogue"),
        services.GetRequiredService<DeliberationApi>(),
        services.GetRequiredService<ILoggerFactory>().CreateLogger<RoomSession>(),
        asRoom: asRoom);
}
