using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Deliberation.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DeliberationDbContext>
{
    public DeliberationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DeliberationDbContext>()
            .UseDeliberationPostgres("Host=localhost;Database=deliberation_design")
            .Options);
}
