using Deliberation.Persistence.Tests.Fixtures;

namespace Deliberation.Persistence.Tests;

public sealed class SqliteDialogueDirectoryTests(SqliteDatabaseFixture database) : DialogueDirectoryTests<SqliteDatabaseFixture>(database);

public sealed class PostgresDialogueDirectoryTests(PostgresDatabaseFixture database) : DialogueDirectoryTests<PostgresDatabaseFixture>(database);

/// <summary>The read models' contract on every real database.</summary>
public abstract class DialogueDirectoryTests<TFixture>(TFixture database) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private IDialogueDirectory Directory => database.Directory;

    private static DialogueSummary Dialogue(string title, DateTimeOffset updatedAt) =>
        new(Guid.NewGuid(), title, "Track 2", "Drafting", "ChathamHouse", "Venice", new DateOnly(2025, 9, 5), new DateOnly(2025, 9, 7), 12, T0, updatedAt);

    [Fact]
    public async Task UpsertingADialogueAddsThenReplacesIt()
    {
        var dialogue = Dialogue("IDAIS Venice", T0.AddHours(1));
        await Directory.UpsertDialogueAsync(dialogue);
        Assert.Contains(dialogue, await Directory.ListDialoguesAsync());

        var renamed = dialogue with { Title = "IDAIS Venice 2025", Phase = "Signing", Venue = null, EndsOn = null, ParticipantCount = 13, UpdatedAt = T0.AddHours(2) };
        await Directory.UpsertDialogueAsync(renamed);

        var listed = (await Directory.ListDialoguesAsync()).Where(d => d.Id == dialogue.Id);
        Assert.Equal([renamed], listed);
        Assert.True(await Directory.AnyDialogueAsync());
    }

    [Fact]
    public async Task DialoguesAreListedMostRecentlyUpdatedFirst()
    {
        var older = Dialogue("older", T0.AddDays(-2));
        var newer = Dialogue("newer", T0.AddDays(-1));
        await Directory.UpsertDialogueAsync(older);
        await Directory.UpsertDialogueAsync(newer);

        var ids = (await Directory.ListDialoguesAsync()).Select(d => d.Id).Where(id => id == older.Id || id == newer.Id);
        Assert.Equal([newer.Id, older.Id], ids);
    }

    [Fact]
    public async Task AParticipantSeesOnlyTheDialoguesTheyBelongTo()
    {
        var participant = Guid.NewGuid();
        var mine = Dialogue("mine", T0);
        var theirs = Dialogue("theirs", T0);
        await Directory.UpsertDialogueAsync(mine);
        await Directory.UpsertDialogueAsync(theirs);
        await Directory.UpsertMembershipAsync(new DialogueMembership(mine.Id, participant, "Ada", "Participant"));
        await Directory.UpsertMembershipAsync(new DialogueMembership(theirs.Id, Guid.NewGuid(), "Grace", "Facilitator"));
        // Upserting the same membership again replaces it rather than failing on the key.
        await Directory.UpsertMembershipAsync(new DialogueMembership(mine.Id, participant, "Ada L.", "Observer"));

        Assert.Equal([mine], await Directory.ListDialoguesOfParticipantAsync(participant));
        Assert.Empty(await Directory.ListDialoguesOfParticipantAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task ReplacingMembershipsAddsUpdatesAndRemovesInOneGo()
    {
        var dialogue = Dialogue("roster", T0);
        await Directory.UpsertDialogueAsync(dialogue);
        var (kept, removed, added) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Directory.ReplaceMembershipsAsync(dialogue.Id, [new(dialogue.Id, kept, "Ada", "Delegate"), new(dialogue.Id, removed, "Grace", "Delegate")]);

        await Directory.ReplaceMembershipsAsync(dialogue.Id, [new(dialogue.Id, kept, "Ada L.", "Rapporteur"), new(dialogue.Id, added, "Edsger", "Observer")]);

        Assert.Equal([dialogue], await Directory.ListDialoguesOfParticipantAsync(kept));
        Assert.Equal([dialogue], await Directory.ListDialoguesOfParticipantAsync(added));
        Assert.Empty(await Directory.ListDialoguesOfParticipantAsync(removed));
    }

    /// <summary>
    /// A roster written whole, as an imported dialogue's first activation writes 33,000 members: the new rows go
    /// in many to a statement, untracked, and must be the rows EF Core would have written — found by the
    /// member's id, and found again (not written twice) when the roster changes.
    /// </summary>
    [Fact]
    public async Task ARosterWrittenWholeIsFoundByEveryMemberAndReplacedLikeAnyOther()
    {
        var dialogue = Dialogue("imported", T0);
        await Directory.UpsertDialogueAsync(dialogue);
        // More than one statement's rows, and a remainder.
        var members = Enumerable.Range(0, 61).Select(n => new DialogueMembership(dialogue.Id, Guid.NewGuid(), $"Participant {n}", "Delegate")).ToList();

        await Directory.ReplaceMembershipsAsync(dialogue.Id, members);

        foreach (var member in members)
            Assert.Equal([dialogue], await Directory.ListDialoguesOfParticipantAsync(member.ParticipantId));
        var (gone, renamed) = (members[0], members[60] with { DisplayName = "Renamed", Role = "Rapporteur" });
        await Directory.ReplaceMembershipsAsync(dialogue.Id, [.. members.Skip(1).SkipLast(1), renamed]);
        Assert.Empty(await Directory.ListDialoguesOfParticipantAsync(gone.ParticipantId));
        Assert.Equal([dialogue], await Directory.ListDialoguesOfParticipantAsync(renamed.ParticipantId));
        // The same roster once more changes nothing and adds no row twice (the key would refuse it).
        await Directory.ReplaceMembershipsAsync(dialogue.Id, [.. members.Skip(1).SkipLast(1), renamed]);
        Assert.Equal([dialogue], await Directory.ListDialoguesOfParticipantAsync(members[30].ParticipantId));
    }

    [Fact]
    public async Task InvitesAreFoundByHashListedByDialogueAndRevokedOnce()
    {
        var dialogueId = Guid.NewGuid();
        var first = new InviteRecord(NewHash(), dialogueId, Guid.NewGuid(), T0, T0.AddDays(14), null);
        var second = new InviteRecord(NewHash(), dialogueId, Guid.NewGuid(), T0.AddMinutes(1), T0.AddDays(14), null);
        var elsewhere = new InviteRecord(NewHash(), Guid.NewGuid(), Guid.NewGuid(), T0, T0.AddDays(14), null);
        await Directory.AddInviteAsync(first);
        await Directory.AddInviteAsync(second);
        await Directory.AddInviteAsync(elsewhere);

        Assert.Equal(first, await Directory.FindInviteAsync(first.CodeHash));
        Assert.Null(await Directory.FindInviteAsync(NewHash()));
        Assert.Equal([first, second], await Directory.ListInvitesAsync(dialogueId));

        Assert.True(await Directory.RevokeInviteAsync(first.CodeHash, T0.AddDays(1)));
        Assert.True(await Directory.RevokeInviteAsync(first.CodeHash, T0.AddDays(2)));
        Assert.False(await Directory.RevokeInviteAsync(NewHash(), T0));

        Assert.Equal(first with { RevokedAt = T0.AddDays(1) }, await Directory.FindInviteAsync(first.CodeHash));
        Assert.Null((await Directory.FindInviteAsync(second.CodeHash))!.RevokedAt);
    }

    private static string NewHash() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
}
