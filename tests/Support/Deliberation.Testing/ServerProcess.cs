using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Deliberation.Testing;

/// <summary>
/// The real server as a child process (<c>dotnet Deliberation.Server.dll</c> from this test's build
/// output), on 127.0.0.1 and free ports, with its own SQLite file and working folder. It is killed
/// hard on <see cref="Kill"/> and on dispose, so no test leaves one running.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    public ServerProcess(string databasePath, string workingDirectory, bool seedDemo, ServerProcess? joins = null, IReadOnlyList<string>? settings = null)
    {
        DatabasePath = databasePath;
        WorkingDirectory = workingDirectory;
        SeedDemo = seedDemo;
        Joins = joins;
        Settings = settings ?? [];
    }

    /// <summary>More command-line settings, e.g. <c>--History:VerifyEvery=00:00:00</c>; they come last and win.</summary>
    public IReadOnlyList<string> Settings { get; }

    /// <summary>A node started with this joins that node's Orleans cluster (localhost clustering, shared database).</summary>
    public ServerProcess? Joins { get; }

    public int SiloPort { get; } = FreePorts.Next();

    public string DatabasePath { get; }

    public string WorkingDirectory { get; }

    public bool SeedDemo { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int? ProcessId => process?.Id;

    public static string ServerDll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Deliberation.Server.dll");
            Assert.True(File.Exists(dll), $"The server is not next to the tests: {dll}");
            return dll;
        }
    }

    /// <summary>Starts the server on fresh ports and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        Assert.Null(process);
        var httpPort = FreePorts.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            ServerDll,
            "--urls", BaseAddress.GetLeftPart(UriPartial.Authority),
            // appsettings.json (log levels) lives beside the dll; the demo writes data/ under the working folder.
            "--contentRoot", AppContext.BaseDirectory,
            "--Storage:Provider=Sqlite",
            $"--ConnectionStrings:Deliberation=Data Source={DatabasePath}",
            "--Orleans:Clustering=Localhost",
            $"--Orleans:SiloPort={SiloPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Orleans:PrimarySiloPort={(Joins ?? this).SiloPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Orleans:GatewayPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--Demo:Seed={(SeedDemo ? "true" : "false")}",
            "--RateLimits:RequestsPerMinute=100000",
            $"--Accounts:SetupCode={TestOrganiser.SetupCode}",
            "--Logging:LogLevel:Default=Warning",
            .. Settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = process;
        await Eventually.Async(
            async () =>
            {
                if (started.HasExited)
                    Assert.Fail($"The server exited with {started.ExitCode} before it was ready:\n{Output}");
                try
                {
                    return (await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException)
                {
                    return false;
                }
            },
            timeout ?? TimeSpan.FromSeconds(90),
            () => $"The server was not ready within the timeout:\n{Output}",
            TimeSpan.FromMilliseconds(100));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a power cut or OOM kill does.</summary>
    public void Kill()
    {
        if (process is null)
            return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        finally
        {
            process.Dispose();
            process = null;
        }
    }

    public ApiClient NewClient()
    {
        var cookies = new CookieContainer();
        return new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
        { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) }, cookies);
    }

    /// <summary>A fresh client signed in to the organiser account (<see cref="TestOrganiser"/>).</summary>
    public Task<ApiClient> NewOrganiserClientAsync() => NewClient().SignInAsOrganiserAsync();

    public string Output => string.Join('\n', output.TakeLast(80));

    /// <summary>The last 400 lines the server wrote, for tests that look for what it logged.</summary>
    public IReadOnlyList<string> OutputLines => [.. output];

    public void Dispose() => Kill();

    private void Keep(string? line)
    {
        if (line is null)
            return;
        output.Enqueue(line);
        while (output.Count > 400)
            output.TryDequeue(out _);
    }

    /// <summary>The dotnet host running these tests (the CLI names it in DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        return "dotnet";
    }
}
