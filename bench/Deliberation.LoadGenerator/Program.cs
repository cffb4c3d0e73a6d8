using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Deliberation.Contracts.Hub;
using Deliberation.Domain;
using Deliberation.LoadGenerator;

// A load run against a server on this machine (start it first; see docs/performance.md):
//   dotnet run -c Release --project bench/Deliberation.LoadGenerator -- --server http://127.0.0.1:5080 --clients 1000 --rate 50 --seconds 30 [--warmup 15] [--server-pid PID]
//     [--setup-code CODE (a fresh server's, creates the organiser account)] [--organiser-email E --organiser-password P]
var options = LoadOptions.Parse(args);
var stream = new Func<Guid, string>(StreamIds.Statement);
Console.WriteLine($"{options.Clients} clients, {options.ActionsPerSecond} actions/s for {options.Duration.TotalSeconds:0} s after a {options.Warmup.TotalSeconds:0} s warm-up, against {options.Server}");

// Set-up over HTTP, as a convener would: a dialogue, a statement of 20 clauses, the delegates. The
// floor (--floor: bench/Deliberation.FloorHub) has no accounts, dialogues or invites: its room is
// any id the clients name, and its clients connect without signing in.
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
var setup = Stopwatch.StartNew();
var room = options.Floor ? FloorRoomSetup.Create(options) : await RoomSetup.CreateAsync(options, json);
var (dialogueId, statementId, clauses, codes) = room;
Console.WriteLine($"set up {options.Clients} members in {setup.Elapsed.TotalSeconds:0.0} s");

// Warm-up actions come first and are checked for order but not timed.
var warmupActions = (int)Math.Ceiling(options.ActionsPerSecond * options.Warmup.TotalSeconds);
var sent = new SentActions(warmupActions + (int)Math.Ceiling(options.ActionsPerSecond * options.Duration.TotalSeconds), firstMeasured: warmupActions);
var baselineRss = options.ServerPid is { } serverPid ? ServerStats.ResidentMegabytes(serverPid) : 0;
var clients = new List<SimulatedClient>();
var signingIn = Stopwatch.StartNew();
foreach (var batch in codes.Chunk(50))
    clients.AddRange(await Task.WhenAll(batch.Select(code => options.Floor
        ? SimulatedClient.ConnectAsync(options.Server, new CookieContainer(), stream(statementId), sent, json)
        : SimulatedClient.SignInAsync(options.Server, code, stream(statementId), sent, json))));
var signedIn = signingIn.Elapsed;
// What the "join time" is: every client's JoinDialogue answered, 50 at a time.
// The server's CPU time over the joins says what they cost even on a machine busy with other work, where wall time says little.
var serverCpuBeforeJoins = ServerStats.CpuSeconds(options.ServerPid);
var generatorCpuBeforeJoins = Process.GetCurrentProcess().TotalProcessorTime;
var joining = Stopwatch.StartNew();
foreach (var batch in clients.Chunk(50))
    await Task.WhenAll(batch.Select(c => c.JoinAsync(dialogueId, options.Floor)));
var joined = joining.Elapsed;
var serverCpuOfJoins = ServerStats.CpuSeconds(options.ServerPid) - serverCpuBeforeJoins;
var generatorCpuOfJoins = (Process.GetCurrentProcess().TotalProcessorTime - generatorCpuBeforeJoins).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{clients.Count} clients signed in and connected in {signedIn.TotalSeconds:0.0} s, joined in {joined.TotalSeconds:0.00} s ({setup.Elapsed.TotalSeconds:0.0} s since set-up began)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"joins cost the server {serverCpuOfJoins:0.00} s of CPU ({serverCpuOfJoins * 1000 / clients.Count:0.00} ms a join) and the generator {generatorCpuOfJoins:0.00} s"));

// Keep-alive: the server drops a client it has not heard from in 30 s.
using var keepAlive = new CancellationTokenSource();
var pinging = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
    try
    {
        while (await timer.WaitForNextTickAsync(keepAlive.Token))
            await Task.WhenAll(clients.Select(c => c.PingAsync()));
    }
    catch (OperationCanceledException)
    {
        // The run is over.
    }
});

var actors = clients.Take(Math.Max(1, (int)(clients.Count * options.ActorShare))).ToArray();
var kinds = new[] { "Support", "Accept", "StandAside", "Oppose" };
var interval = TimeSpan.FromSeconds(1 / options.ActionsPerSecond);
var inFlight = new List<Task>();
// How long the server took to acknowledge each action (stored and decided), apart from the fan-out.
var acknowledgements = new System.Collections.Concurrent.ConcurrentBag<double>();
var refused = 0;
var action = 0;

// Actions at the given rate for a while; each acknowledgement names the version its commit ended at.
async Task SendActionsAsync(int until)
{
    var clock = Stopwatch.StartNew();
    var first = action;
    while (action < until)
    {
        // Successive actions on one clause come from different actors, so every k of them are k
        // distinct changers and release the clause (the release is part of what is measured).
        var actor = actors[action / clauses.Count % actors.Length];
        var request = new { dialogueId, statementId, clauseId = clauses[action % clauses.Count], revision = 1, position = kinds[action % kinds.Length], note = $"reservation {action % 7}" };
        var number = action;
        sent.MarkSent(action);
        var startedAt = Stopwatch.GetTimestamp();
        var measuring = action >= warmupActions;
        inFlight.Add(actor.InvokeAsync(nameof(IDialogueHub.TakePosition), [request]).ContinueWith(t =>
        {
            if (t.IsFaulted || !t.Result.GetProperty("accepted").GetBoolean())
            {
                Interlocked.Increment(ref refused);
                return;
            }
            sent.Acknowledged(number, t.Result.GetProperty("version").GetInt64());
            if (measuring)
                acknowledgements.Add(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
        }, TaskScheduler.Default));
        action++;
        // One reading of the clock: read twice, the wait could turn negative in between.
        var wait = interval * (action - first) - clock.Elapsed;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
    }
}

// A server that has just started is still compiling its hot paths (tiered JIT): warm it up at the
// same rate first, so the figures are those of a server that has been running.
await SendActionsAsync(warmupActions);
await Task.WhenAll(inFlight);
var warmupRefused = refused;
await Task.Delay(TimeSpan.FromSeconds(1));

var cpuBefore = ServerStats.CpuSeconds(options.ServerPid);
var machineBefore = ServerStats.MachineJiffies();
var generatorCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var receivedBefore = ReceivedTally.Sum(clients.Select(c => c.Received));
var run = Stopwatch.StartNew();
await SendActionsAsync(sent.Capacity);
await Task.WhenAll(inFlight);
var sending = run.Elapsed;
// Let the last pushes land, then stop by itself.
await Task.Delay(TimeSpan.FromSeconds(3));
await keepAlive.CancelAsync();
await pinging;
var cpuAfter = ServerStats.CpuSeconds(options.ServerPid);
var receivedAfter = ReceivedTally.Sum(clients.Select(c => c.Received));
var machineAfter = ServerStats.MachineJiffies();
var generatorCpu = (Process.GetCurrentProcess().TotalProcessorTime - generatorCpuBefore).TotalSeconds;

var rssLoaded = options.ServerPid is { } loadedPid ? ServerStats.ResidentMegabytes(loadedPid) : 0;
var rssPeak = options.ServerPid is { } peakPid ? ServerStats.PeakResidentMegabytes(peakPid) : 0;
// Read before the clients close their own connections: only what the server closed counts.
var closed = clients.Where(c => c.ClosedBecause is not null).Select(c => c.ClosedBecause!).ToList();
await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
// Matched by version after the run: which versions are releases, then each arrival to its action's sending.
var releases = clients.SelectMany(c => c.Arrivals).Where(a => a.IsRelease).Select(a => a.Version).ToHashSet();
var matched = clients.SelectMany(c => c.Arrivals)
    .Select(a => (a.IsRelease, At: sent.SentAt(a.Version, releases.Contains(a.Version + 1)), a.ArrivedAt))
    .Where(a => a.At is not null)
    .Select(a => (a.IsRelease, Ms: Stopwatch.GetElapsedTime(a.At!.Value, a.ArrivedAt).TotalMilliseconds))
    .ToList();
var delays = matched.Where(m => !m.IsRelease).Select(m => m.Ms).Order().ToArray();
var releaseDelays = matched.Where(m => m.IsRelease).Select(m => m.Ms).Order().ToArray();
static double Quantile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
double Percentile(double p) => Quantile(delays, p);
var measured = action - warmupActions;
var expected = (long)(measured - (refused - warmupRefused)) * clients.Count;
Console.WriteLine($"warm-up {warmupActions} actions; measured {measured} actions in {sending.TotalSeconds:0.0} s ({measured / sending.TotalSeconds:0.0}/s), refused {refused}");
Console.WriteLine($"deliveries {delays.Length} of {expected} expected ({delays.Length / sending.TotalSeconds:0}/s)");
Console.WriteLine($"delay p50 {Percentile(0.50):0.0} ms  p95 {Percentile(0.95):0.0} ms  p99 {Percentile(0.99):0.0} ms  max {(delays.Length > 0 ? delays[^1] : double.NaN):0.0} ms");
// A release commits with the k-th change: its delay runs from that change's sending to the release on each screen.
Console.WriteLine($"releases {releases.Count}; delivered {releaseDelays.Length} ({clients.Count} screens each): k-th change to release on screen p50 {Quantile(releaseDelays, 0.50):0.0} ms  p95 {Quantile(releaseDelays, 0.95):0.0} ms  p99 {Quantile(releaseDelays, 0.99):0.0} ms  max {(releaseDelays.Length > 0 ? releaseDelays[^1] : double.NaN):0.0} ms");
var acks = acknowledgements.Order().ToArray();
Console.WriteLine($"acknowledged p50 {Quantile(acks, 0.50):0.0} ms  p95 {Quantile(acks, 0.95):0.0} ms  p99 {Quantile(acks, 0.99):0.0} ms");
// What each screen received while the measured actions ran, a second: the cost a push's size and number put on every connection.
var perClientSecond = clients.Count * (sending.TotalSeconds + 3);
var receivedByTarget = receivedAfter.ByTarget.OrderByDescending(t => t.Value.Bytes).Select(t =>
{
    var before = receivedBefore.ByTarget.GetValueOrDefault(t.Key);
    var messages = (t.Value.Messages - before.Messages) / perClientSecond;
    var bytes = (t.Value.Bytes - before.Bytes) / perClientSecond;
    return string.Create(CultureInfo.InvariantCulture, $"{t.Key} {messages:0.0} messages {bytes / 1024:0.0} KB ({(messages == 0 ? 0 : bytes / messages):0} B each, the largest {t.Value.Largest / 1024.0:0.0} KB)");
});
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"each client received a second: {(receivedAfter.Frames - receivedBefore.Frames) / perClientSecond:0.0} frames; ") + string.Join(", ", receivedByTarget));
Console.WriteLine($"lost {clients.Sum(c => c.Lost)}  duplicated {clients.Sum(c => c.Duplicated)}  out of order {clients.Sum(c => c.OutOfOrder)}");
// A client whose connection ended during the run receives nothing more: its share of the deliveries is missing above.
Console.WriteLine(closed.Count == 0
    ? "connections closed during the run: 0"
    : $"connections closed during the run: {closed.Count} of {clients.Count}; for example: {closed[0]}");
// The generator shares the machine: when it is the busier process, the delays are partly its own.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generator CPU {generatorCpu / (sending.TotalSeconds + 3) * 100:0}% of one core"));
var machineTotal = machineAfter.Total - machineBefore.Total;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"machine busy {(machineTotal == 0 ? double.NaN : 100.0 * (machineAfter.Busy - machineBefore.Busy) / machineTotal):0}% of its {Environment.ProcessorCount} cores"));
if (options.ServerPid is not null)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"server CPU {(cpuAfter - cpuBefore) / (sending.TotalSeconds + 3) * 100:0}% of one core, resident {rssLoaded:0} MB ({baselineRss:0} MB before the clients joined: {(rssLoaded - baselineRss) * 1024 / clients.Count:0} KB per client; at most {rssPeak:0} MB)"));
}
