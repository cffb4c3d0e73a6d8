using Deliberation.Domain;
using Deliberation.Domain.Participants;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Tests.Fixtures;
using Deliberation.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Deliberation.Grains.Tests;

/// <summary>
/// A stream verifies its chain as it loads: an event changed in the database after it was written is
/// named in the log and in <see cref="IHistoryIntegrity"/>, and the stream still loads (it is served,
/// marked broken). With a snapshot, the events after it are checked, linked to the snapshot version's hash.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LoadVerificationTests(ClusterFixture cluster)
{
    private EventSourcedStream<ParticipantState, ParticipantEvent> Open(Guid id, IHistoryIntegrity integrity, ILogger logger) =>
        new(cluster.Store, logger, integrity, StreamIds.Participant(id), () => ParticipantState.Initial(id), Participant.Apply, s => s.Version);

    private async Task<Guid> WriteParticipantAsync(int profileUpdates)
    {
        var id = Guid.NewGuid();
        var stream = Open(id, new HistoryIntegrity(), new ListLogger());
        await stream.LoadAsync();
        await RunAsync(stream, new RegisterParticipant("Ada", null));
        for (var i = 1; i <= profileUpdates; i++)
            await RunAsync(stream, new UpdateProfile($"Ada {i}", null));
        return id;
    }

    private Task RunAsync(EventSourcedStream<ParticipantState, ParticipantEvent> stream, ParticipantCommand command) =>
        stream.ExecuteAsync(s => Participant.Decide(s, command), StreamIds.ParticipantsScope, stream.State.Id, cluster.Time.GetUtcNow());

    private async Task TamperAsync(Guid id, string sql)
    {
        await using var connection = new SqliteConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$stream", StreamIds.Participant(id));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task AnIntactStreamLoadsWithNothingReported()
    {
        var id = await WriteParticipantAsync(2);
        var integrity = new HistoryIntegrity();
        var logger = new ListLogger();

        var stream = Open(id, integrity, logger);
        await stream.LoadAsync();

        Assert.Equal(3, stream.Version);
        Assert.Empty(integrity.Broken);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task AnEditedPayloadIsLoggedAndReportedAndTheStreamStillLoads()
    {
        var id = await WriteParticipantAsync(2);
        await TamperAsync(id, """UPDATE "Events" SET "PayloadJson" = replace("PayloadJson", 'Ada 1', 'Eve') WHERE "StreamId" = $stream AND "Version" = 2""");
        var integrity = new HistoryIntegrity();
        var logger = new ListLogger();

        var stream = Open(id, integrity, logger);
        await stream.LoadAsync();

        Assert.Equal(3, stream.Version);
        var broken = Assert.Single(integrity.Broken);
        Assert.Equal((StreamIds.Participant(id), 2L, ChainProblems.LeafMismatch), (broken.StreamId, broken.FirstBreak!.Version, broken.FirstBreak.Problem));
        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(StreamIds.Participant(id), error.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(ChainProblems.LeafMismatch, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterASnapshotTheLaterEventsAreCheckedAgainstTheSnapshotVersionsHash()
    {
        var id = await WriteParticipantAsync(3);
        var atTwo = Open(id, new HistoryIntegrity(), new ListLogger());
        await atTwo.LoadAsync();
        var events = await cluster.Store.ReadStreamAsync(StreamIds.Participant(id));
        var stateAtTwo = events.Take(2).Select(RecordedEvent.Decode)
            .Aggregate(ParticipantState.Initial(id), (s, r) => Participant.Apply(s, (ParticipantEvent)r.Event, r.Meta));
        await cluster.Store.SaveSnapshotAsync(new Snapshot(StreamIds.Participant(id), 2, DomainJson.Serialize(stateAtTwo), cluster.Time.GetUtcNow()));
        // The link of version 3 onto version 2 is changed: only the snapshot version's hash can reveal it.
        await TamperAsync(id, """UPDATE "Events" SET "Hash" = '0000000000000000000000000000000000000000000000000000000000000000' WHERE "StreamId" = $stream AND "Version" = 3""");
        var integrity = new HistoryIntegrity();

        var stream = Open(id, integrity, new ListLogger());
        await stream.LoadAsync();

        Assert.Equal(4, stream.Version);
        Assert.Equal("Ada 3", stream.State.DisplayName);
        var broken = Assert.Single(integrity.Broken);
        Assert.Equal((3L, ChainProblems.HashMismatch), (broken.FirstBreak!.Version, broken.FirstBreak.Problem));
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
