using Deliberation.Persistence;

namespace Deliberation.Server.Api;

public static class HealthApi
{
    /// <summary>200 once the database answers and the silo has started (the app only maps routes after both).</summary>
    public static void MapHealthApi(this WebApplication app) =>
        app.MapGet("/health", async (IDialogueDirectory directory, CancellationToken cancellationToken) =>
        {
            await directory.AnyDialogueAsync(cancellationToken);
            return TypedResults.Ok(HealthReport.Ready);
        }).DisableRateLimiting();
}
