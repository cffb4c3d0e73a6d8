using Deliberation.Contracts.Http;
using Deliberation.Persistence;

namespace Deliberation.Server.Api;

public static class HealthApi
{
    /// <summary>
    /// 200 once the database answers and the silo has started (the app only maps routes after both).
    /// A broken history chain makes the status <c>degraded</c> but keeps the 200: the node still serves
    /// correctly what it holds, and a load balancer that took it out would hide the dialogues (and
    /// the warning their rooms show) rather than fix anything (docs/operations.md).
    /// </summary>
    public static void MapHealthApi(this WebApplication app) =>
        app.MapGet("/health", async (IDialogueDirectory directory, IHistoryIntegrity integrity, CancellationToken cancellationToken) =>
        {
            await directory.AnyDialogueAsync(cancellationToken);
            var broken = integrity.Broken;
            var history = new HistoryHealth(
                broken.Count == 0 ? HistoryHealth.Intact : HistoryHealth.BrokenStatus,
                integrity.LastVerifiedAt,
                [.. broken.Select(b => new BrokenHistory(b.StreamId, b.FirstBreak!.Version, b.FirstBreak.Problem))]);
            return TypedResults.Ok(new HealthReport(broken.Count == 0 ? HealthReport.Ready : HealthReport.Degraded, history));
        }).DisableRateLimiting();
}
