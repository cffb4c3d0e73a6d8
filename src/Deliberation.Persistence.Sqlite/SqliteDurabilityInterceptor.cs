using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Deliberation.Persistence.Sqlite;

/// <summary>
/// Sets every SQLite connection to write-ahead logging with <c>synchronous=FULL</c>.
/// </summary>
/// <remarks>
/// WAL lets readers go on while a grain appends. Durability: the design promises that an
/// acknowledged action is durable. With WAL, <c>synchronous=NORMAL</c> would already survive a
/// crash or SIGKILL of this process (a commit is in the operating system's cache once the WAL
/// write returns) but not a power cut or kernel crash; <c>FULL</c> also fsyncs the WAL at every
/// commit, so an acknowledged append survives those too, at one fsync per append — cheap at
/// the rate people deliberate. <c>journal_mode</c> is stored in the file; <c>synchronous</c> is
/// per connection, hence every open.
/// </remarks>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteDurabilityInterceptor Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";

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
