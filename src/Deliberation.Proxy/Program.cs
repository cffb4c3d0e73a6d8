namespace Deliberation.Proxy;

/// <summary>
/// One address for the cluster: every request goes to a healthy node; see docs/operations.md.
/// A named class rather than top-level statements, whose public <c>Program</c> would clash with
/// the server's in a test project that references both.
/// </summary>
public static class ProxyProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // A line per forwarded request would drown what matters: nodes going out and coming back.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddClusterProxy();

        var app = builder.Build();
        app.MapGet("/proxy/health", () => Results.Ok("healthy"));
        app.MapReverseProxy();
        app.Run();
    }
}
