using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Deliberation.Persistence.Sqlite;

/// <summary>
/// Sets every SQLite connection to write-ahead logging with <c>synchronous=FULL</c>, and to wait for
/// another connection's write lock inside SQLite (<c>busy_timeout</c>).
/// </summary>
/// <remarks>
/// WAL lets readers go on while a grain appends. Durability: the design promises that an
/// acknowledged action is durable. With WAL, <c>synchronous=NORMAL</c> would already survive a
/// crash or SIGKILL of this process (a commit is in the operating system's cache once the WAL
/// write returns) but not a power cut or kernel crash; <c>FULL</c> also fsyncs the WAL at every
/// commit, so an acknowledged append survives those too, at one fsync per append — cheap at
/// the rate people deliberate. <c>journal_mode</c> is stored in the file; <c>synchronous</c> is
/// per connection, hence every open.
/// <para>
/// A writer that finds the lock taken: without <c>busy_timeout</c> SQLite answers "busy" at once and
/// Microsoft.Data.Sqlite sleeps 150 ms before it tries again, so any write beside the room's appends (a
/// review trace stored, a snapshot) cost the commits queued behind it 150 ms — the p99 of a room of 100 at
/// 200 actions/s (docs/performance.md, "The review trace in parts"). With it, SQLite retries within a
/// millisecond or two of the lock's release, backing off only as the wait grows.
/// </para>
/// </remarks>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteDurabilityInterceptor Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
