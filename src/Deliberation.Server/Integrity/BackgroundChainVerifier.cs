using System.Globalization;
using Deliberation.Persistence;

namespace Deliberation.Server.Integrity;

/// <summary>
/// Verifies every stream in the store at start and then every <c>History:VerifyEvery</c> (default
/// 10 minutes; <c>00:00:00</c> turns it off), so a history changed in the database is found even
/// when no grain loads it (docs/operations.md, "Background verification"). Each break is logged once.
/// </summary>
public sealed class BackgroundChainVerifier(
    IEventStore store, DialogueChains chains, IHistoryIntegrity integrity, TimeProvider time, IConfiguration configuration, ILogger<BackgroundChainVerifier> logger)
    : BackgroundService
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval(configuration["History:VerifyEvery"]);
        if (interval == TimeSpan.Zero)
        {
            logger.LogInformation("Background history verification is off (History:VerifyEvery is zero)");
            return;
        }
        // Off the start-up path: the node serves while the first pass runs.
        await Task.Yield();
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await VerifyAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Background history verification did not finish; it runs again in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every stream; marks the pass finished in <see cref="IHistoryIntegrity"/>.</summary>
    public async Task VerifyAllAsync(CancellationToken cancellationToken)
    {
        foreach (var streamId in await store.ListStreamsAsync(null, cancellationToken))
            await chains.VerifyStreamAsync(streamId, cancellationToken);
        integrity.CompletedFullVerification(time.GetUtcNow());
    }

    /// <summary>The configured interval: a TimeSpan ("00:10:00"); unset means <see cref="DefaultInterval"/>.</summary>
    public static TimeSpan Interval(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return DefaultInterval;
        if (!TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var interval) || interval < TimeSpan.Zero)
            throw new InvalidOperationException($"History:VerifyEvery '{configured}' is not a time span such as 00:10:00 (or 00:00:00 for off).");
        return interval;
    }
}
