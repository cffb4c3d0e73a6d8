using Deliberation.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Deliberation.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add --context AccountsDbContext</c> build the PostgreSQL model without a server.</summary>
internal sealed class DesignTimeAccountsDbContextFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AccountsDbContext>()
            .UseDeliberationPostgres("Host=localhost;Database=deliberation_design")
            .UseApplicationServiceProvider(AccountsDbContext.DesignTimeServices)
            .Options);
}
