using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Deliberation.Persistence.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQL Server model without a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DeliberationDbContext>
{
    public DeliberationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DeliberationDbContext>()
            .UseDeliberationSqlServer("Server=localhost;Database=deliberation_design;Integrated Security=true;TrustServerCertificate=true")
            .Options);
}
