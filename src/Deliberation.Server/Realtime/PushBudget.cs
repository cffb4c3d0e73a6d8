namespace Deliberation.Server.Realtime;

/// <summary>
/// What a node spends on one dialogue's pushes of one kind: at most <c>Realtime:PushBudgetPerSecond</c>
/// connection-messages a second, however fast its actions come. Each push costs the node a write per
/// connection, so a big room is pushed less often: with the default, 2,000 connections get a push at
/// most every 30 ms, 1,000 every 15 ms, and a room of 100 is held only by the shortest window given.
/// The default is measured: at 2,000 clients and 50 actions a second, a push every 30 ms rather than
/// every 40 ms took the delay's p95 from 94–104 ms to 81–98 ms, and at 1,000 clients and 200 actions
/// a second from 382 to 296 ms (docs/performance.md, "Session 23").
/// </summary>
public sealed class PushBudget(IConfiguration configuration)
{
    private readonly double perSecond = configuration.GetValue("Realtime:PushBudgetPerSecond", 66_000.0);

    /// <summary>The time between a room's pushes: <paramref name="shortest"/>, or longer when the room's connections would spend more than the budget.</summary>
    public TimeSpan Window(TimeSpan shortest, int connections) =>
        TimeSpan.FromSeconds(Math.Max(shortest.TotalSeconds, connections / perSecond));
}
