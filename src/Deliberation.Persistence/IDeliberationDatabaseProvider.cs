using Deliberation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Deliberation.Persistence;

/// <summary>
/// What a provider project (Deliberation.Persistence.Sqlite, .SqlServer, .Postgres) tells the
/// store: its <c>Storage:Provider</c> name, how to point a <see cref="DeliberationDbContext"/> at
/// its database and migrations, and how its database holds one scope's appends in order.
/// </summary>
public interface IDeliberationDatabaseProvider
{
    /// <summary>The value of <c>Storage:Provider</c> that chooses this database, e.g. <c>Sqlite</c>.</summary>
    string Name { get; }

    /// <param name="connectionString"><c>ConnectionStrings:Deliberation</c>, or null when not configured.</param>
    void Configure(DbContextOptionsBuilder options, string? connectionString);

    /// <summary>
    /// Called inside an append's transaction, before the version check: holds the scope's other
    /// appends until this transaction ends, so that positions within a scope become visible in
    /// order. A reader that has seen position p must never later find an event of that scope
    /// below p; without the lock two grains of one dialogue could commit positions 11 and 10 in
    /// that order, and a reader catching up "after 11" would miss 10. A database whose
    /// transactions already admit one writer at a time (SQLite) does nothing.
    /// </summary>
    Task LockScopeForAppendAsync(DatabaseFacade database, string scope, CancellationToken cancellationToken);

    /// <summary>
    /// Called on an import's staged append, before its transaction: the database may skip making this
    /// commit durable on its own, because nothing of a pending import is acknowledged before its
    /// promotion, whose durable commit covers what was written before it, and a crash discards the rest
    /// (docs/architecture.md, "Imports"). The connection is left open for the append. Nothing, by default.
    /// </summary>
    Task RelaxDurabilityForStagingAsync(DatabaseFacade database, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called inside an import's staged append with its rows chained: inserts them, positions given by the
    /// database. By default <see cref="StagedEventInsert"/>'s prepared multi-row INSERTs, which every
    /// database runs; a provider with a faster way to the same rows takes it. Internal, as the rows are
    /// (the provider projects see them).
    /// </summary>
    internal Task InsertStagedEventsAsync(DatabaseFacade database, List<EventRow> rows, CancellationToken cancellationToken) =>
        StagedEventInsert.InsertAsync(database, rows, cancellationToken);

    /// <summary>
    /// Opens the state of the snapshot row <paramref name="visible"/> finds (one row or none) as UTF-8 JSON, with its
    /// version and time as read together with it. By default the row is read whole and its state handed over as the
    /// bytes of that one string; a database that can read the value as it goes does so. Disposing the result ends the read.
    /// </summary>
    internal async Task<StoredSnapshotJson?> OpenSnapshotJsonAsync(DatabaseFacade database, IQueryable<SnapshotRow> visible, CancellationToken cancellationToken)
    {
        var row = await visible.SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredSnapshotJson(row.Version, row.TakenAt, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row.StateJson), writable: false));
    }

    /// <summary>
    /// Called inside a transaction with the snapshot row of <paramref name="streamId"/> in place: writes its
    /// state, UTF-8 JSON read from <paramref name="stateJson"/> to its end. By default read into one string
    /// and bound as a parameter; a database that can take the bytes as they are does so.
    /// </summary>
    async Task WriteSnapshotJsonAsync(DatabaseFacade database, string streamId, Stream stateJson, CancellationToken cancellationToken)
    {
        string json;
        using (var reader = new StreamReader(stateJson, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
            json = await reader.ReadToEndAsync(cancellationToken);
        await database.ExecuteSqlInterpolatedAsync($"UPDATE \"Snapshots\" SET \"StateJson\" = {json} WHERE \"StreamId\" = {streamId}", cancellationToken);
    }
}
