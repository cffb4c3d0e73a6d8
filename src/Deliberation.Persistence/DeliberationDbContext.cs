using Deliberation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>
/// The event store and its read models. One model for every provider; each provider project
/// holds its own migrations of it.
/// </summary>
public sealed class DeliberationDbContext(DbContextOptions<DeliberationDbContext> options) : DbContext(options)
{
    internal DbSet<EventRow> Events => Set<EventRow>();
    internal DbSet<SnapshotRow> Snapshots => Set<SnapshotRow>();
    internal DbSet<DialogueRow> Dialogues => Set<DialogueRow>();
    internal DbSet<MembershipRow> Memberships => Set<MembershipRow>();
    internal DbSet<InviteRow> Invites => Set<InviteRow>();
    internal DbSet<HistoryMigrationLogRow> HistoryMigrationLog => Set<HistoryMigrationLogRow>();
    internal DbSet<PendingImportRow> PendingImports => Set<PendingImportRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EventRow>(e =>
        {
            e.ToTable("Events");
            e.HasKey(x => x.Position);
            e.Property(x => x.Position).ValueGeneratedOnAdd();
            e.Property(x => x.StreamId).HasMaxLength(ColumnLimits.StreamId);
            e.Property(x => x.Scope).HasMaxLength(ColumnLimits.Scope);
            e.Property(x => x.Type).HasMaxLength(ColumnLimits.EventType);
            e.Property(x => x.Actor).HasMaxLength(ColumnLimits.Actor);
            e.Property(x => x.Hash).HasMaxLength(ColumnLimits.Hash);
            e.Property(x => x.Salt).HasMaxLength(ColumnLimits.Hash);
            e.Property(x => x.Leaf).HasMaxLength(ColumnLimits.Hash);
            // The optimistic concurrency of the whole store: two writers at the same expected
            // version both try to insert the same (StreamId, Version) and only one can.
            e.HasIndex(x => new { x.StreamId, x.Version }).IsUnique();
            e.HasIndex(x => new { x.Scope, x.Position });
        });

        modelBuilder.Entity<HistoryMigrationLogRow>(e =>
        {
            e.ToTable("HistoryMigrationLog");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.StreamId).HasMaxLength(ColumnLimits.StreamId);
            e.Property(x => x.OldHash).HasMaxLength(ColumnLimits.Hash);
            e.Property(x => x.NewHash).HasMaxLength(ColumnLimits.Hash);
            e.Property(x => x.OldChainProblem).HasMaxLength(ColumnLimits.ChainProblem);
            e.HasIndex(x => new { x.StreamId, x.Version });
        });

        // One row per import in flight: reads skip its scope, and its deletion commits the import.
        modelBuilder.Entity<PendingImportRow>(e =>
        {
            e.ToTable("PendingImports");
            e.HasKey(x => x.Scope);
            e.Property(x => x.Scope).HasMaxLength(ColumnLimits.Scope);
        });

        modelBuilder.Entity<SnapshotRow>(e =>
        {
            e.ToTable("Snapshots");
            e.HasKey(x => x.StreamId);
            e.Property(x => x.StreamId).HasMaxLength(ColumnLimits.StreamId);
        });

        modelBuilder.Entity<DialogueRow>(e =>
        {
            e.ToTable("Dialogues");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(ColumnLimits.Title);
            e.Property(x => x.Track).HasMaxLength(ColumnLimits.Track);
            e.Property(x => x.Phase).HasMaxLength(ColumnLimits.Phase);
            e.Property(x => x.Confidentiality).HasMaxLength(ColumnLimits.Confidentiality);
            e.Property(x => x.Venue).HasMaxLength(ColumnLimits.Venue);
        });

        modelBuilder.Entity<MembershipRow>(e =>
        {
            e.ToTable("Memberships");
            e.HasKey(x => new { x.DialogueId, x.ParticipantId });
            e.Property(x => x.DisplayName).HasMaxLength(ColumnLimits.DisplayName);
            e.Property(x => x.Role).HasMaxLength(ColumnLimits.Role);
            // "Which dialogues is this person in" is asked at every sign-in.
            e.HasIndex(x => x.ParticipantId);
        });

        modelBuilder.Entity<InviteRow>(e =>
        {
            e.ToTable("Invites");
            e.HasKey(x => x.CodeHash);
            e.Property(x => x.CodeHash).HasMaxLength(ColumnLimits.CodeHash);
            e.HasIndex(x => x.DialogueId);
        });
    }
}
