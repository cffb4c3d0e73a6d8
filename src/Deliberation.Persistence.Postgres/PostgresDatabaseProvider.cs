using System.Data;
using Deliberation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Deliberation.Persistence.Postgres;

/// <summary>PostgreSQL: a database several server nodes can share.</summary>
public sealed class PostgresDatabaseProvider : IDeliberationDatabaseProvider
{
    public string Name => "Postgres";

    public void Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseDeliberationPostgres(string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("Storage:Provider 'Postgres' needs ConnectionStrings:Deliberation.")
            : connectionString);

    /// <summary>
    /// A transaction-scoped advisory lock keyed by a hash of the scope: released at commit or
    /// rollback; a collision of two scopes' hashes merely queues them together.
    /// </summary>
    public Task LockScopeForAppendAsync(DatabaseFacade database, string scope, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended({0}, 0))", [scope], cancellationToken);

    /// <summary>
    /// The UTF-8 bytes handed to Npgsql as they are, a stream it copies to the server as it sends the value:
    /// never one string of a state of hundreds of megabytes (an imported statement's, its review trace's).
    /// </summary>
    public async Task WriteSnapshotJsonAsync(DatabaseFacade database, string streamId, Stream stateJson, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)database.GetDbConnection();
        await using var command = new NpgsqlCommand("UPDATE \"Snapshots\" SET \"StateJson\" = @state WHERE \"StreamId\" = @stream", connection,
            (NpgsqlTransaction?)database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Text) { Value = stateJson });
        command.Parameters.Add(new NpgsqlParameter("stream", NpgsqlDbType.Text) { Value = streamId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The row read by one query, its columns in order (sequential access), the state as a stream of its UTF-8
    /// bytes as the server sends them: the version and the state are of the same row, and no string of the
    /// state is made.
    /// </summary>
    async Task<StoredSnapshotJson?> IDeliberationDatabaseProvider.OpenSnapshotJsonAsync(DatabaseFacade database, IQueryable<SnapshotRow> visible, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        var command = visible.Select(s => new { s.Version, s.TakenAt, s.StateJson }).CreateDbCommand();
        try
        {
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                await command.DisposeAsync();
                return null;
            }
            var version = reader.GetInt64(0);
            var takenAt = reader.GetFieldValue<DateTimeOffset>(1);
            return new StoredSnapshotJson(version, takenAt, reader.GetStream(2), new ReaderAndCommand(reader, command));
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }
    }

    private sealed class ReaderAndCommand(System.Data.Common.DbDataReader reader, System.Data.Common.DbCommand command) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
        }
    }
}

/// <summary>Points a context at PostgreSQL with this project's migrations.</summary>
public static class PostgresDbContextOptionsExtensions
{
    public static TBuilder UseDeliberationPostgres<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabaseProvider).Assembly))
            .UseDeliberationProvider(new PostgresDatabaseProvider());
        return options;
    }
}
