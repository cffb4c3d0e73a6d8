namespace Deliberation.Persistence;

/// <summary>
/// A snapshot's state opened for reading as UTF-8 JSON (<see cref="IDeliberationDatabaseProvider.OpenSnapshotJsonAsync"/>),
/// with the version and time read together with it. Disposing it closes the stream and ends what the read held
/// open (on SQLite, a read transaction, so the row cannot change under the stream).
/// </summary>
internal sealed class StoredSnapshotJson(long version, DateTimeOffset takenAt, Stream json, IAsyncDisposable? holding = null) : IAsyncDisposable
{
    public long Version => version;

    public DateTimeOffset TakenAt => takenAt;

    public Stream Json => json;

    public async ValueTask DisposeAsync()
    {
        await json.DisposeAsync();
        if (holding is not null)
            await holding.DisposeAsync();
    }
}
