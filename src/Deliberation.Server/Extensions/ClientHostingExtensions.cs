namespace Deliberation.Server.Extensions;

/// <summary>
/// Serves the browser client (Deliberation.Client, Blazor WebAssembly) from this host: its files
/// at <c>/</c>, and <c>index.html</c> for the client's own routes such as <c>/dialogues/{id}</c>.
/// The API, the hub, the health check and invite links keep their own answers: an unknown path
/// under them is a 404, never the page.
/// </summary>
public static class ClientHostingExtensions
{
    private static readonly string[] ServerPrefixes = ["api", "hubs", "health", "invite"];

    /// <summary>
    /// Reads the client's files from where the build left them (the static web assets manifest
    /// beside the server's dll) in every environment, not only Development: tests and operators
    /// run the server from its build output. A published server has them in wwwroot instead, and
    /// then there is no manifest and this does nothing.
    /// </summary>
    public static void AddBrowserClient(this WebApplicationBuilder builder) =>
        builder.WebHost.UseStaticWebAssets();

    /// <summary>
    /// The client's files through the static assets manifest (routes without fingerprints map to the
    /// fingerprinted files, with compression and caching), then index.html for everything else that
    /// is not the server's own.
    /// </summary>
    public static void MapBrowserClient(this WebApplication app)
    {
        app.MapStaticAssets();
        foreach (var prefix in ServerPrefixes)
        {
            app.MapFallback($"/{prefix}", NotFound);
            app.MapFallback($"/{prefix}/{{**rest}}", NotFound);
        }
        app.MapFallbackToFile("index.html");
    }

    private static IResult NotFound() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "There is nothing at this address.",
        extensions: new Dictionary<string, object?> { ["rule"] = "route.not-found" });
}
