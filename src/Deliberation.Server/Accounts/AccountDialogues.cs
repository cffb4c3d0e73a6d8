using Deliberation.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Server.Accounts;

/// <summary>Which dialogues an account created, and as which participant, so it can list and re-enter them.</summary>
public sealed class AccountDialogues(AccountsDbContext db, TimeProvider time)
{
    public async Task RecordAsync(string accountId, Guid dialogueId, Guid participantId)
    {
        db.AccountDialogues.Add(new AccountDialogue
        {
            AccountId = accountId,
            DialogueId = dialogueId,
            ParticipantId = participantId,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<AccountDialogue>> ListAsync(string accountId) =>
        await db.AccountDialogues.AsNoTracking().Where(d => d.AccountId == accountId).ToListAsync();

    public Task<AccountDialogue?> FindAsync(string accountId, Guid dialogueId) =>
        db.AccountDialogues.AsNoTracking().FirstOrDefaultAsync(d => d.AccountId == accountId && d.DialogueId == dialogueId);
}
