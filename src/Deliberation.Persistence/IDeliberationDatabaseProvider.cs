using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>
/// What a provider project (Deliberation.Persistence.Sqlite, .SqlServer, .Postgres) tells the
/// store: how to point a <see cref="DeliberationDbContext"/> at its database and migrations.
/// </summary>
public interface IDeliberationDatabaseProvider
{
    /// <param name="connectionString"><c>ConnectionStrings:Deliberation</c>, or null when not configured.</param>
    void Configure(DbContextOptionsBuilder options, string? connectionString);
}
