using Deliberation.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Server.Accounts;

/// <summary>
/// Server-side records of signed-in account cookies. A cookie is worth something only while its
/// session row is live: ending the row (the holder's "end this session", or sign-out) refuses the
/// cookie on its very next request, whatever its own expiry says.
/// </summary>
public sealed class AccountSessions(AccountsDbContext db, TimeProvider time)
{
    // LastSeenAt is a hint for the holder, not a security check: written at most this often.
    private static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(1);

    public async Task<Guid> StartAsync(string accountId, string method, string? userAgent)
    {
        var now = time.GetUtcNow();
        var session = new AccountSession
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            StartedAt = now,
            LastSeenAt = now,
            Method = method,
            Device = Cut(userAgent ?? "", AccountsDbContext.DeviceLength),
        };
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>True when the session exists, belongs to the account and has not ended.</summary>
    public async Task<bool> IsLiveAsync(Guid sessionId, string accountId)
    {
        var session = await db.AccountSessions.FirstOrDefaultAsync(s => s.Id == sessionId);
        if (session is null || session.AccountId != accountId || session.EndedAt is not null)
            return false;
        var now = time.GetUtcNow();
        if (now - session.LastSeenAt > SeenGranularity)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync();
        }
        return true;
    }

    public async Task<IReadOnlyList<AccountSession>> ListLiveAsync(string accountId)
    {
        var sessions = await db.AccountSessions.AsNoTracking()
            .Where(s => s.AccountId == accountId && s.EndedAt == null).ToListAsync();
        return [.. sessions.OrderByDescending(s => s.LastSeenAt)];
    }

    /// <summary>Ends one of the account's own sessions; false when it has no such live session.</summary>
    public async Task<bool> EndAsync(string accountId, Guid sessionId)
    {
        var session = await db.AccountSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.AccountId == accountId && s.EndedAt == null);
        if (session is null)
            return false;
        session.EndedAt = time.GetUtcNow();
        await db.SaveChangesAsync();
        return true;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
