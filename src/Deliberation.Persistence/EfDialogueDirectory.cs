using Deliberation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>The <see cref="IDialogueDirectory"/> read models over EF Core.</summary>
public sealed class EfDialogueDirectory(IDbContextFactory<DeliberationDbContext> contextFactory) : IDialogueDirectory
{
    public Task UpsertDialogueAsync(DialogueSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return UpsertAsync(
            db => db.Dialogues.SingleOrDefaultAsync(d => d.Id == summary.Id, cancellationToken),
            db => db.Dialogues.Add(new DialogueRow { Id = summary.Id }).Entity,
            row => row.CopyFrom(summary),
            cancellationToken);
    }

    public Task UpsertMembershipAsync(DialogueMembership membership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return UpsertAsync(
            db => db.Memberships.SingleOrDefaultAsync(m => m.DialogueId == membership.DialogueId && m.ParticipantId == membership.ParticipantId, cancellationToken),
            db => db.Memberships.Add(new MembershipRow { DialogueId = membership.DialogueId, ParticipantId = membership.ParticipantId }).Entity,
            row =>
            {
                row.DisplayName = membership.DisplayName;
                row.Role = membership.Role;
            },
            cancellationToken);
    }

    public async Task ReplaceMembershipsAsync(Guid dialogueId, IReadOnlyCollection<DialogueMembership> memberships, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Memberships.Where(m => m.DialogueId == dialogueId).ToDictionaryAsync(m => m.ParticipantId, cancellationToken);
        var added = new List<MembershipRow>();
        foreach (var membership in memberships)
        {
            if (!existing.Remove(membership.ParticipantId, out var row))
                added.Add(row = new MembershipRow { DialogueId = dialogueId, ParticipantId = membership.ParticipantId });
            row.DisplayName = membership.DisplayName;
            row.Role = membership.Role;
        }
        db.Memberships.RemoveRange(existing.Values);
        await db.SaveChangesAsync(cancellationToken);
        // New rows untracked, many to a statement: an imported dialogue adds 33,000 at its first activation.
        await ModelRowsInsert.InsertAsync(db, added, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DialogueSummary>> ListDialoguesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Dialogues.AsNoTracking().ToListAsync(cancellationToken);
        return Newest(rows);
    }

    public async Task<IReadOnlyList<DialogueSummary>> ListDialoguesOfParticipantAsync(Guid participantId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Dialogues.AsNoTracking()
            .Where(d => db.Memberships.Any(m => m.DialogueId == d.Id && m.ParticipantId == participantId))
            .ToListAsync(cancellationToken);
        return Newest(rows);
    }

    public async Task<bool> AnyDialogueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Dialogues.AnyAsync(cancellationToken);
    }

    public async Task AddInviteAsync(InviteRecord invite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentException.ThrowIfNullOrEmpty(invite.CodeHash);
        if (invite.CodeHash.Length > ColumnLimits.CodeHash)
            throw new ArgumentException($"A code hash is at most {ColumnLimits.CodeHash} characters.", nameof(invite));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Invites.Add(InviteRow.From(invite));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<InviteRecord?> FindInviteAsync(string codeHash, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Invites.AsNoTracking().SingleOrDefaultAsync(i => i.CodeHash == codeHash, cancellationToken);
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<InviteRecord>> ListInvitesAsync(Guid dialogueId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Invites.AsNoTracking().Where(i => i.DialogueId == dialogueId).ToListAsync(cancellationToken);
        return rows.OrderBy(i => i.CreatedAt).ThenBy(i => i.CodeHash, StringComparer.Ordinal).Select(i => i.ToRecord()).ToList();
    }

    public async Task<bool> RevokeInviteAsync(string codeHash, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Invites.SingleOrDefaultAsync(i => i.CodeHash == codeHash, cancellationToken);
        if (row is null)
            return false;
        // Revoking twice keeps the first time: that is when the link stopped working.
        row.RevokedAt ??= StoredTime.Normalise(revokedAt);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // Sorted here rather than in SQL: SQLite stores DateTimeOffset as text and EF will not
    // order by it, and a dialogue list is small.
    private static List<DialogueSummary> Newest(List<DialogueRow> rows) =>
        rows.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id).Select(d => d.ToSummary()).ToList();

    // Read-then-write; when two writers insert the same new key at once, the loser retries
    // once and then finds the row to update.
    private async Task UpsertAsync<TRow>(
        Func<DeliberationDbContext, Task<TRow?>> find,
        Func<DeliberationDbContext, TRow> add,
        Action<TRow> update,
        CancellationToken cancellationToken)
        where TRow : class
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var row = await find(db) ?? add(db);
            update(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
            }
        }
    }
}
