using System.Globalization;
using System.Text;
using Deliberation.Persistence.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Deliberation.Persistence.Sqlite;

/// <summary>SQLite: the default, a file under <c>./data</c>; one server node only.</summary>
public sealed class SqliteDatabaseProvider : IDeliberationDatabaseProvider
{
    public string Name => "Sqlite";

    /// <summary>With no connection string configured: <c>data/deliberation.db</c> under the current directory.</summary>
    public static string DefaultConnectionString =>
        $"Data Source={Path.Combine(Directory.GetCurrentDirectory(), "data", "deliberation.db")}";

    public void Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseDeliberationSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);

    /// <summary>
    /// Nothing to take: Microsoft.Data.Sqlite begins transactions IMMEDIATE, so SQLite already
    /// admits one writer at a time and appends commit in position order.
    /// </summary>
    public Task LockScopeForAppendAsync(DatabaseFacade database, string scope, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// <c>synchronous=NORMAL</c> for this connection's next commit: in WAL mode the commit is written but
    /// not fsynced, and the promotion's FULL commit later fsyncs the log with every frame before it. The
    /// durability interceptor sets FULL again at the connection's next open, pooled or not.
    /// </summary>
    public async Task RelaxDurabilityForStagingAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        await database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", cancellationToken);
    }

    /// <summary>
    /// One prepared single-row INSERT, its values bound by their place through SQLite's own API. What it
    /// stores is what <see cref="StagedEventInsert"/> stores, the time in Microsoft.Data.Sqlite's text for a
    /// <see cref="DateTimeOffset"/>; it skips that driver's binding by name, which looks every parameter up
    /// in the statement's list of names and was two fifths of an import's append (docs/performance.md,
    /// "Session 16: the append bound by place"). A value the row before bound stays bound (a reset keeps
    /// the bindings): a batch's stream, scope, time and actor are bound once, not per row; and text goes
    /// to SQLite as UTF-8 from one buffer, not from a new array per value (<see cref="Utf8Text"/>).
    /// </summary>
    Task IDeliberationDatabaseProvider.InsertStagedEventsAsync(DatabaseFacade database, List<EventRow> rows, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)database.GetDbConnection();
        var handle = connection.Handle
            ?? throw new InvalidOperationException("Staged rows are inserted on the append's open connection.");
        Check(raw.sqlite3_prepare_v2(handle, StagedInsertText, out var statement), handle);
        using (statement)
        {
            var text = new Utf8Text(statement, handle);
            EventRow? before = null;
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The columns' order in StagedInsertText.
                if (before is null || !string.Equals(before.StreamId, row.StreamId, StringComparison.Ordinal))
                    text.Bind(1, row.StreamId);
                if (before is null || !string.Equals(before.Scope, row.Scope, StringComparison.Ordinal))
                    text.Bind(2, row.Scope);
                Check(raw.sqlite3_bind_int64(statement, 3, row.Version), handle);
                if (before is null || !string.Equals(before.Type, row.Type, StringComparison.Ordinal))
                    text.Bind(4, row.Type);
                text.Bind(5, row.PayloadJson);
                // Exactly the same time and offset: an equal instant at another offset is written otherwise.
                if (before is null || !before.OccurredAt.EqualsExact(row.OccurredAt))
                    text.Bind(6, row.OccurredAt.ToString(DateTimeOffsetText, CultureInfo.InvariantCulture));
                if (before is null || !string.Equals(before.Actor, row.Actor, StringComparison.Ordinal))
                    text.Bind(7, row.Actor);
                text.Bind(8, row.Hash);
                text.Bind(9, row.Salt);
                text.Bind(10, row.Leaf);
                var stepped = raw.sqlite3_step(statement);
                if (stepped != raw.SQLITE_DONE)
                    Check(stepped, handle);
                Check(raw.sqlite3_reset(statement), handle);
                before = row;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Binds text as UTF-8 encoded into one buffer, grown as needed: SQLite copies a bound value
    /// (SQLITE_TRANSIENT), so the buffer serves the next value at once. The same bytes SQLitePCL's string
    /// overload binds, without its new array per value.
    /// </summary>
    private sealed class Utf8Text(sqlite3_stmt statement, sqlite3 handle)
    {
        private byte[] buffer = new byte[4096];

        public void Bind(int index, string value)
        {
            // An empty span is bound as NULL (no address to hand over): an empty string goes the string way.
            if (value.Length == 0)
            {
                Check(raw.sqlite3_bind_text(statement, index, value), handle);
                return;
            }
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (buffer.Length < most)
                buffer = new byte[Math.Max(most, buffer.Length * 2)];
            var length = Encoding.UTF8.GetBytes(value, buffer);
            Check(raw.sqlite3_bind_text(statement, index, buffer.AsSpan(0, length)), handle);
        }
    }

    private const string StagedInsertText =
        "INSERT INTO \"Events\" (\"StreamId\", \"Scope\", \"Version\", \"Type\", \"PayloadJson\", \"OccurredAt\", \"Actor\", \"Hash\", \"Salt\", \"Leaf\") " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);";

    /// <summary>How Microsoft.Data.Sqlite writes a <see cref="DateTimeOffset"/> as text, so both ways of inserting store the same.</summary>
    private const string DateTimeOffsetText = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    private static void Check(int resultCode, sqlite3 handle) => SqliteException.ThrowExceptionForRC(resultCode, handle);

    /// <summary>
    /// The state read from the row by SQLite's incremental I/O as it is parsed, inside a deferred transaction:
    /// in WAL mode a read transaction, which holds no writer back, and under which the row found cannot change
    /// before the stream is closed. TEXT (an ordinary save) and BLOB (a streamed one) are read the same way, as
    /// the UTF-8 bytes stored. Never one string: an imported statement's snapshot is about 500 MB of JSON, which
    /// as a string was a gigabyte before the parse began (docs/performance.md, "Session 16").
    /// </summary>
    async Task<StoredSnapshotJson?> IDeliberationDatabaseProvider.OpenSnapshotJsonAsync(DatabaseFacade database, IQueryable<SnapshotRow> visible, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)database.GetDbConnection();
        var transaction = connection.BeginTransaction(deferred: true);
        try
        {
            await database.UseTransactionAsync(transaction, cancellationToken);
            var row = await visible.Select(s => new { s.StreamId, s.Version, s.TakenAt }).SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                await transaction.DisposeAsync();
                return null;
            }
            long rowId;
            await using (var find = connection.CreateCommand())
            {
                find.Transaction = transaction;
                find.CommandText = "SELECT rowid FROM \"Snapshots\" WHERE \"StreamId\" = $stream;";
                find.Parameters.AddWithValue("$stream", row.StreamId);
                rowId = (long)(await find.ExecuteScalarAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"The snapshot row of stream '{row.StreamId}' vanished inside a read transaction."));
            }
            return new StoredSnapshotJson(row.Version, row.TakenAt, new SqliteBlob(connection, "Snapshots", "StateJson", rowId, readOnly: true), transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The bytes copied straight into the row by SQLite's incremental I/O, into a zero-filled BLOB of their
    /// length made first (incremental I/O cannot change a value's length): no string of the whole state in the
    /// process, which for an imported statement of 2,000,000 positions was hundreds of megabytes twice over
    /// (UTF-16, then UTF-8 to bind). The value stays a BLOB of UTF-8 text, which reads back as the same string
    /// (SQLite hands a BLOB's bytes to a text reader as they are): a zero-filled TEXT, as this wrote before,
    /// is made by a CAST that spells out every zero in SQLite's memory, twice the value's size, and that was
    /// most of what an import's save of such a state cost (docs/performance.md, "Session 15: the snapshot
    /// SQLite spelled out").
    /// </summary>
    public async Task WriteSnapshotJsonAsync(DatabaseFacade database, string streamId, Stream stateJson, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)database.GetDbConnection();
        var length = stateJson.Length - stateJson.Position;
        long rowId;
        await using (var reserve = connection.CreateCommand())
        {
            reserve.Transaction = (SqliteTransaction?)database.CurrentTransaction?.GetDbTransaction();
            reserve.CommandText = "UPDATE \"Snapshots\" SET \"StateJson\" = zeroblob($length) WHERE \"StreamId\" = $stream RETURNING rowid;";
            reserve.Parameters.AddWithValue("$length", length);
            reserve.Parameters.AddWithValue("$stream", streamId);
            rowId = (long)(await reserve.ExecuteScalarAsync(cancellationToken)
                ?? throw new InvalidOperationException($"No snapshot row of stream '{streamId}' to write."));
        }
        await using var text = new SqliteBlob(connection, "Snapshots", "StateJson", rowId);
        await stateJson.CopyToAsync(text, cancellationToken);
    }
}

/// <summary>Points a context at SQLite with this project's migrations and durable settings.</summary>
public static class SqliteDbContextOptionsExtensions
{
    public static TBuilder UseDeliberationSqlite<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        EnsureDirectory(connectionString);
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabaseProvider).Assembly))
            .AddInterceptors(SqliteDurabilityInterceptor.Instance)
            .UseDeliberationProvider(new SqliteDatabaseProvider());
        return options;
    }

    // SQLite creates the file but not the folder it lives in.
    private static void EnsureDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(dataSource)
            || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }
}
