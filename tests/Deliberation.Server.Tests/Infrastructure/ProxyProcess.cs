using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>
/// The cluster's proxy (<c>dotnet Deliberation.Proxy.dll</c> from this test's build output) on
/// 127.0.0.1 and a free port, in front of the given nodes. Killed on dispose.
/// </summary>
public sealed class ProxyProcess(IReadOnlyList<Uri> nodes, string workingDirectory, TimeSpan healthCheckInterval) : IDisposable
{
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string Output => string.Join('\n', output.TakeLast(80));

    /// <summary>Starts the proxy and waits until a node's <c>/health</c> answers 200 through it.</summary>
    public async Task StartAsync()
    {
        Assert.Null(process);
        var dll = Path.Combine(AppContext.BaseDirectory, "Deliberation.Proxy.dll");
        Assert.True(File.Exists(dll), $"The proxy is not next to the tests: {dll}");
        BaseAddress = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.GetLeftPart(UriPartial.Authority));
        for (var i = 0; i < nodes.Count; i++)
            start.ArgumentList.Add($"--Proxy:Nodes:{i}={nodes[i].GetLeftPart(UriPartial.Authority)}");
        start.ArgumentList.Add($"--Proxy:HealthCheckInterval={healthCheckInterval:c}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
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
                    Assert.Fail($"The proxy exited with {started.ExitCode} before it was ready:\n{Output}");
                try
                {
                    return (await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            () => $"The proxy did not forward /health within the timeout:\n{Output}",
            TimeSpan.FromMilliseconds(100));
    }

    /// <summary>A fresh signed-out client of the cluster's one address.</summary>
    public ApiClient NewClient()
    {
        var cookies = new CookieContainer();
        return new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
        { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) }, cookies);
    }

    public void Dispose()
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

    private void Keep(string? line)
    {
        if (line is null)
            return;
        output.Enqueue(line);
        while (output.Count > 400)
            output.TryDequeue(out _);
    }
}
