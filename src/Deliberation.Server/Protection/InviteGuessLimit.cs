namespace Deliberation.Server.Protection;

/// <summary>
/// Failed invite redemptions per client address and minute (<c>RateLimits:InviteGuessesPerMinute</c>).
/// Only failures count, so a room of people redeeming their own links behind one address is never
/// held up; requests still in flight count as failures until they answer, so a burst of parallel
/// guesses cannot slip past the limit. Counted by address, not by session: sessions are free.
/// </summary>
public sealed class InviteGuessLimit(RateLimitSettings limits, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Window> windows = [];
    private long currentMinute;

    /// <summary>Invite links and the redeem endpoint: every path that takes a code.</summary>
    public static bool Guards(PathString path) =>
        path.StartsWithSegments("/invite") || path.StartsWithSegments("/api/invites");

    /// <summary>Reserves one attempt; false when the address has used its allowance this minute.</summary>
    public bool TryBegin(string address, out TimeSpan retryAfter)
    {
        lock (gate)
        {
            var window = Current(address, out retryAfter);
            if (window.Failed + window.InFlight >= limits.FailedInviteRedemptionsPerMinutePerAddress)
                return false;
            window.InFlight++;
            return true;
        }
    }

    public void End(string address, bool failed)
    {
        lock (gate)
        {
            var window = Current(address, out _);
            window.InFlight = Math.Max(0, window.InFlight - 1);
            if (failed)
                window.Failed++;
        }
    }

    private Window Current(string address, out TimeSpan untilNextMinute)
    {
        var now = time.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        untilNextMinute = TimeSpan.FromSeconds((minute + 1) * 60 - now.ToUnixTimeSeconds());
        if (minute != currentMinute)
        {
            // A new minute forgets the old counts but not the requests still running.
            foreach (var (key, stale) in windows.ToList())
            {
                if (stale.InFlight == 0)
                    windows.Remove(key);
                else
                    stale.Failed = 0;
            }
            currentMinute = minute;
        }
        if (!windows.TryGetValue(address, out var window))
            windows[address] = window = new Window();
        return window;
    }

    private sealed class Window
    {
        public int Failed { get; set; }

        public int InFlight { get; set; }
    }
}
