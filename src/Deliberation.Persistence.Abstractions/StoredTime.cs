namespace Deliberation.Persistence;

/// <summary>
/// The one form in which a time is stored: UTC, whole microseconds. PostgreSQL's timestamptz
/// keeps microseconds and accepts only offset zero; SQLite (text) and SQL Server
/// (datetimeoffset(7)) keep more. Normalising before storing makes every provider give back
/// exactly the value that was written, which the event hash chain depends on.
/// </summary>
public static class StoredTime
{
    public static DateTimeOffset Normalise(DateTimeOffset time)
    {
        var utcTicks = time.UtcTicks;
        return new DateTimeOffset(utcTicks - utcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }
}
