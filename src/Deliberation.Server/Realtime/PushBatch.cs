using Deliberation.Domain.Consensus;
using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Realtime;

/// <summary>
/// What a dialogue's grains published during one push window, merged so that each connection gets
/// one message per stream and one consensus update per statement however many actions the window
/// held: events per stream, in version order and once each; per statement the newest figures of
/// every clause (and bracket option) that moved.
/// </summary>
public sealed class PushBatch
{
    private readonly Dictionary<string, SortedDictionary<long, RecordedEventEnvelope>> streams = [];
    private readonly Dictionary<Guid, (long Version, bool HasConsensus, Dictionary<(Guid, string?), (long Version, ClauseConsensus Figures)> Clauses)> statements = [];

    public bool IsEmpty => streams.Count == 0 && statements.Count == 0;

    /// <summary>The events the batch holds, each once: what decides the size of the messages it becomes.</summary>
    public int EventCount { get; private set; }

    public void Add(IReadOnlyList<RecordedEventEnvelope> events)
    {
        foreach (var e in events)
        {
            if (!streams.TryGetValue(e.StreamId, out var stream))
                streams[e.StreamId] = stream = [];
            if (stream.TryAdd(e.Version, e))
                EventCount++;
        }
    }

    public void Add(ConsensusDelta delta)
    {
        if (!statements.TryGetValue(delta.StatementId, out var statement))
            statements[delta.StatementId] = statement = (delta.StatementVersion, delta.HasConsensus, []);
        else if (delta.StatementVersion >= statement.Version)
            statements[delta.StatementId] = statement = (delta.StatementVersion, delta.HasConsensus, statement.Clauses);
        // Deltas can arrive out of order; a clause keeps the figures of the newest version that moved it.
        foreach (var clause in delta.Clauses)
        {
            var key = (clause.ClauseId, clause.OptionId);
            if (!statement.Clauses.TryGetValue(key, out var held) || held.Version <= delta.StatementVersion)
                statement.Clauses[key] = (delta.StatementVersion, clause);
        }
    }

    /// <summary>Each stream's events in version order.</summary>
    public IEnumerable<IReadOnlyList<RecordedEventEnvelope>> Events => streams.Values.Select(s => (IReadOnlyList<RecordedEventEnvelope>)[.. s.Values]);

    public IEnumerable<ConsensusDelta> Consensus => statements.Select(s =>
        new ConsensusDelta(s.Key, s.Value.Version, [.. s.Value.Clauses.Values.Select(c => c.Figures)], s.Value.HasConsensus));
}
