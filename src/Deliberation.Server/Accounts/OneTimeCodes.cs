using System.Security.Cryptography;
using System.Text;
using Deliberation.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Server.Accounts;

/// <summary>
/// Codes that create one account each: the setup code (the first account) and organiser
/// invitations. 256 random bits from the server, stored as SHA-256, expiring, and claimed by a
/// conditional update so that two concurrent redemptions cannot both win.
/// </summary>
public sealed class OneTimeCodes(AccountsDbContext db, TimeProvider time)
{
    public const int MaxCodeLength = 100;

    public static string NewCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Stores a code (made here, or given by the operator for the setup code) and returns its expiry.</summary>
    public async Task<DateTimeOffset> StoreAsync(string code, OneTimeCodePurpose purpose, string? issuedBy, TimeSpan validFor)
    {
        var now = time.GetUtcNow();
        var row = new OneTimeCode
        {
            CodeHash = Hash(code),
            Purpose = purpose,
            IssuedBy = issuedBy,
            CreatedAt = now,
            ExpiresAt = now + validFor,
        };
        if (await db.OneTimeCodes.AnyAsync(c => c.CodeHash == row.CodeHash))
            return (await db.OneTimeCodes.AsNoTracking().SingleAsync(c => c.CodeHash == row.CodeHash)).ExpiresAt;
        db.OneTimeCodes.Add(row);
        await db.SaveChangesAsync();
        return row.ExpiresAt;
    }

    /// <summary>Forgets every unused setup code: a new start prints a new one.</summary>
    public Task RetireUnusedSetupCodesAsync() =>
        db.OneTimeCodes.Where(c => c.Purpose == OneTimeCodePurpose.Setup && c.UsedAt == null).ExecuteDeleteAsync();

    /// <summary>Takes the code for <paramref name="usedBy"/>; false when unknown, of another purpose, expired or already used.</summary>
    public async Task<bool> ClaimAsync(string code, OneTimeCodePurpose purpose, string usedBy)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength)
            return false;
        var hash = Hash(code.Trim());
        var row = await db.OneTimeCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == hash);
        var now = time.GetUtcNow();
        if (row is null || row.Purpose != purpose || row.UsedAt is not null || row.ExpiresAt <= now)
            return false;
        var claimed = await db.OneTimeCodes
            .Where(c => c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, now).SetProperty(c => c.UsedBy, usedBy));
        return claimed == 1;
    }

    /// <summary>Gives a claimed code back when the account it was claimed for could not be made (a weak password, say).</summary>
    public Task ReleaseAsync(string code, string usedBy)
    {
        var hash = Hash(code.Trim());
        return db.OneTimeCodes
            .Where(c => c.CodeHash == hash && c.UsedBy == usedBy)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, (DateTimeOffset?)null).SetProperty(c => c.UsedBy, (string?)null));
    }
}
