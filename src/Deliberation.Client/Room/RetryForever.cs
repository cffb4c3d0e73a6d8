using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Client.Room;

/// <summary>Reconnects without giving up: quickly at first, then every ten seconds. A room is worth waiting for.</summary>
public sealed class RetryForever : IRetryPolicy
{
    private static readonly TimeSpan[] Delays = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        retryContext.PreviousRetryCount < Delays.Length ? Delays[retryContext.PreviousRetryCount] : TimeSpan.FromSeconds(10);
}
