using Deliberation.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Deliberation.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add --context AccountsDbContext</c> build the SQLite model; never used at run time.</summary>
internal sealed class DesignTimeAccountsDbContextFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AccountsDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabaseProvider).Assembly))
            .UseApplicationServiceProvider(AccountsDbContext.DesignTimeServices)
            .Options);
}
