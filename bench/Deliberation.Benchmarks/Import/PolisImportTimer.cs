using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Deliberation.Benchmarks.Import;

/// <summary>
/// Times a Pol.is import over HTTP end to end: upload, parse, the 202, then the job's decisions and
/// batched writes until it reports done. The server runs separately (see docs/performance.md). One untimed warm-up first,
/// then <c>runs</c> timed imports, each a new dialogue. Back to back by default; given <c>pause</c>, each import starts
/// that long after the one before reported done, so it does not share the cores with the review trace pass the
/// server makes of the one before (an organiser imports one conversation, not five in a row).
/// </summary>
public static class PolisImportTimer
{
    private static readonly string[] Files = ["comments.csv", "participants-votes.csv", "votes.csv"];

    public static async Task<int> RunAsync(Uri server, string folder, int runs, TimeSpan pause = default)
    {
        foreach (var file in Files.Take(2))
            if (!File.Exists(Path.Combine(folder, file)))
            {
                Console.Error.WriteLine($"{folder} has no {file}.");
                return 2;
            }
        // No participant cookie: every import comes from a caller in no dialogue yet, as the first one
        // does. Only the organiser account's cookie is sent (only accounts import).
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("Cookie", await OrganiserCookieAsync(server));
        Console.WriteLine($"Importing {folder} into {server} ({runs} timed runs after one warm-up{(pause > TimeSpan.Zero ? $", {pause.TotalSeconds:F0} s apart" : ", back to back")})");

        var warmUp = await ImportOnceAsync(http, folder);
        Console.WriteLine($"warm-up: {warmUp.Elapsed.TotalMilliseconds,8:F0} ms  {warmUp.Summary}");
        var times = new List<double>();
        for (var i = 1; i <= runs; i++)
        {
            await Task.Delay(pause);
            var run = await ImportOnceAsync(http, folder);
            times.Add(run.Elapsed.TotalMilliseconds);
            Console.WriteLine($"run {i}:   {run.Elapsed.TotalMilliseconds,8:F0} ms  {run.Summary}");
        }
        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine($"min {times[0]:F0} ms, median {median:F0} ms, max {times[^1]:F0} ms over {runs} runs");
        return 0;
    }

    /// <summary>
    /// Signs in to the organiser account named by DELIBERATION_ORGANISER_EMAIL and
    /// DELIBERATION_ORGANISER_PASSWORD (with DELIBERATION_SETUP_CODE, a fresh server's printed code,
    /// the account is created first) and returns its cookie as a Cookie header value.
    /// </summary>
    private static async Task<string> OrganiserCookieAsync(Uri server)
    {
        var email = Environment.GetEnvironmentVariable("DELIBERATION_ORGANISER_EMAIL") ?? "bench@example.test";
        var password = Environment.GetEnvironmentVariable("DELIBERATION_ORGANISER_PASSWORD") ?? "import benchmark passphrase";
        var cookies = new System.Net.CookieContainer();
        using var signIn = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = server };
        if (Environment.GetEnvironmentVariable("DELIBERATION_SETUP_CODE") is { Length: > 0 } setupCode)
            await signIn.PostAsync("/api/account/setup", Json(new { setupCode, email, displayName = "Import benchmark", password }));
        using var response = await signIn.PostAsync("/api/account/sign-in", Json(new { email, password }));
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Signing in to the organiser account answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return cookies.GetCookieHeader(server);
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");

    private static async Task<(TimeSpan Elapsed, string Summary, Guid DialogueId, Guid StatementId)> ImportOnceAsync(HttpClient http, string folder)
    {
        using var form = new MultipartFormDataContent { { new StringContent($"Import benchmark {DateTime.UtcNow:O}"), "title" } };
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
                continue;
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, file, file);
        }
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync("/api/imports/polis", form);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted || response.Headers.Location is not { } job)
            throw new HttpRequestException($"The import answered {(int)response.StatusCode}: {body}");
        // The answer is the job (docs/api.md, "Pol.is imports"): the import is timed to its end, not to the 202.
        while (true)
        {
            await Task.Delay(100);
            using var view = JsonDocument.Parse(await http.GetStringAsync(job));
            var state = view.RootElement.GetProperty("state").GetString();
            if (state == "failed")
                throw new HttpRequestException($"The import failed: {view.RootElement}");
            if (state != "done")
                continue;
            clock.Stop();
            var r = view.RootElement.GetProperty("result");
            return (clock.Elapsed, $"{r.GetProperty("participants").GetInt32()} participants, {r.GetProperty("clauses").GetInt32()} clauses, {r.GetProperty("positions").GetInt64()} positions, {view.RootElement.GetProperty("eventsWritten").GetInt64()} events",
                r.GetProperty("dialogueId").GetGuid(), r.GetProperty("statementId").GetGuid());
        }
    }

    /// <summary>
    /// Issue 10's sizes, made up (<see cref="Deliberation.Testing.SyntheticPolisExport"/>): 50,000, 300,000 and
    /// 1,000,000 votes (participants × 100 comments, every one voted on: "500", "3000", "10000") and the largest
    /// public conversation's shape, 2,013,000 votes ("33000x783x61": participants × comments × votes each), one
    /// import each, with the server's peak resident memory during it, sampled from /proc every 50 ms (the
    /// server's process id is given). Then the statement opened as its convener would open it, the first time
    /// (the statement's grain loads the snapshot the import stored), timed and its peak sampled the same way.
    /// </summary>
    public static async Task<int> RunSizesAsync(Uri server, int serverProcessId, IReadOnlyList<string> shapes)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("Cookie", await OrganiserCookieAsync(server));
        var root = Path.Combine(Path.GetTempPath(), $"deliberation-import-sizes-{Guid.NewGuid():N}");
        try
        {
            Console.WriteLine("votes      | time      | server peak RSS | load average | what");
            foreach (var shape in shapes)
            {
                var numbers = shape.Split('x').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                var folder = Path.Combine(root, shape);
                var votes = Deliberation.Testing.SyntheticPolisExport.Write(folder, numbers[0], comments: numbers.Length > 1 ? numbers[1] : 100,
                    votesPerParticipant: numbers.Length > 2 ? numbers[2] : null);
                using var sampling = new CancellationTokenSource();
                var peak = SamplePeakAsync(serverProcessId, sampling.Token);
                var run = await ImportOnceAsync(http, folder);
                await sampling.CancelAsync();
                // The machine is shared: the load average after each run says how much of the wall clock was waiting for a core.
                var load = File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3)) : "?";
                Console.WriteLine($"{votes,10:N0} | {run.Elapsed.TotalSeconds,7:F1} s | {await peak / (1024 * 1024),11:N0} MiB | {load} | {run.Summary}");
                using var opening = new CancellationTokenSource();
                var openPeak = SamplePeakAsync(serverProcessId, opening.Token);
                var opened = await OpenStatementAsync(server, http.DefaultRequestHeaders.GetValues("Cookie").Single(), run.DialogueId, run.StatementId);
                await opening.CancelAsync();
                Console.WriteLine($"{"",10} | {opened.TotalSeconds,7:F1} s | {await openPeak / (1024 * 1024),11:N0} MiB | first open of the statement by its convener");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The convener enters the imported dialogue (docs/api.md, accounts) and reads its statement: the time of that read.</summary>
    private static async Task<TimeSpan> OpenStatementAsync(Uri server, string organiserCookie, Guid dialogueId, Guid statementId)
    {
        var cookies = new System.Net.CookieContainer();
        cookies.SetCookies(server, organiserCookie.Replace("; ", ",", StringComparison.Ordinal));
        using var convener = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
        convener.DefaultRequestHeaders.Add("Origin", server.GetLeftPart(UriPartial.Authority));
        using (var entered = await convener.PostAsync($"/api/account/dialogues/{dialogueId}/enter", null))
            entered.EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        using var statement = await convener.GetAsync($"/api/dialogues/{dialogueId}/statements/{statementId}");
        clock.Stop();
        if (!statement.IsSuccessStatusCode)
            throw new HttpRequestException($"Opening the imported statement answered {(int)statement.StatusCode}: {await statement.Content.ReadAsStringAsync()}");
        return clock.Elapsed;
    }

    private static async Task<long> SamplePeakAsync(int processId, CancellationToken stop)
    {
        var peak = 0L;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, ResidentBytes(processId));
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return Math.Max(peak, ResidentBytes(processId));
    }

    private static long ResidentBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }
}
