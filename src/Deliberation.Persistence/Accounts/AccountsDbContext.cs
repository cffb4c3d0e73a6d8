using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence.Accounts;

/// <summary>
/// Organiser accounts: ASP.NET Core Identity's tables (passkeys included) and the account
/// sessions, one-time codes and account dialogues beside them. Its own context on the same
/// database as <see cref="DeliberationDbContext"/>, so the event store's model and migrations do
/// not change with Identity's; each provider project holds migrations of both.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<OrganiserAccount>(options)
{
    public const int DeviceLength = 200;

    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();
    public DbSet<AccountDialogue> AccountDialogues => Set<AccountDialogue>();

    /// <summary>Identity's schema with the passkeys table; the server sets it in its IdentityOptions.</summary>
    public static readonly Version SchemaVersion3 = IdentitySchemaVersions.Version3;

    /// <summary>
    /// Application services for the design-time factories: Identity reads the schema version from
    /// IdentityOptions there, and without them would build the model without passkeys.
    /// </summary>
    public static IServiceProvider DesignTimeServices { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = SchemaVersion3)
        .BuildServiceProvider();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<OrganiserAccount>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(ColumnLimits.DisplayName);
            e.Property(x => x.PreferredCulture).HasMaxLength(ColumnLimits.CultureName);
        });

        builder.Entity<AccountSession>(e =>
        {
            e.ToTable("AccountSessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.AccountId).HasMaxLength(450);
            e.Property(x => x.Method).HasMaxLength(50);
            e.Property(x => x.Device).HasMaxLength(DeviceLength);
            e.HasIndex(x => x.AccountId);
            e.HasOne<OrganiserAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OneTimeCode>(e =>
        {
            e.ToTable("AccountCodes");
            e.HasKey(x => x.CodeHash);
            e.Property(x => x.CodeHash).HasMaxLength(ColumnLimits.CodeHash);
            e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(50);
            e.Property(x => x.IssuedBy).HasMaxLength(450);
            e.Property(x => x.UsedBy).HasMaxLength(450);
            e.HasIndex(x => x.Purpose);
        });

        builder.Entity<AccountDialogue>(e =>
        {
            e.ToTable("AccountDialogues");
            e.HasKey(x => new { x.AccountId, x.DialogueId });
            e.Property(x => x.AccountId).HasMaxLength(450);
            e.HasOne<OrganiserAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
