using Deliberation.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Deliberation.Persistence.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add --context AccountsDbContext</c> build the SQL Server model without a server.</summary>
internal sealed class DesignTimeAccountsDbContextFactory : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AccountsDbContext>()
            .UseDeliberationSqlServer("Server=localhost;Database=deliberation_design;Integrated Security=true;TrustServerCertificate=true")
            .UseApplicationServiceProvider(AccountsDbContext.DesignTimeServices)
            .Options);
}
