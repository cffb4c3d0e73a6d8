using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Deliberation.Server.Realtime;

/// <summary>
/// What an operator watches of a node's pushes, as .NET metrics (the meter <c>Deliberation.Realtime</c>,
/// read with <c>dotnet-counters</c> or any OpenTelemetry exporter; docs/operations.md, "Metrics"): how
/// much waits to be pushed, how large each push is and how long it takes to reach every connection.
/// The log says when a dialogue falls behind and catches up; these say by how much, and how often.
/// </summary>
public sealed class PushMetrics
{
    public const string MeterName = "Deliberation.Realtime";

    private readonly ConcurrentDictionary<string, OutboxMeter> outboxes = new();

    public PushMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        // Observed, not counted up and down: a listener that attaches to a busy node reads the true backlog.
        Waiting = meter.CreateObservableGauge("deliberation.realtime.outbox.waiting", () => outboxes.Values.Select(o => o.WaitingNow), "{commit}",
            "Commits and figure updates this node holds that no push has taken yet; it rises while a room is busier than the node can send.");
        Duration = meter.CreateHistogram<double>("deliberation.realtime.push.duration", "s",
            "From the start of a push to its last connection written.");
        Events = meter.CreateHistogram<int>("deliberation.realtime.push.events", "{event}",
            "Events in one push (at most Realtime:MaxEventsPerPush, a commit never split).");
    }

    public ObservableGauge<long> Waiting { get; }
    public Histogram<double> Duration { get; }
    public Histogram<int> Events { get; }

    /// <summary>What every outbox of a kind ("events" or "figures") reports to, summed over the node's dialogues.</summary>
    public OutboxMeter For(string outbox) => outboxes.GetOrAdd(outbox, name => new OutboxMeter(this, name));
}

/// <summary>
/// The outboxes of one kind, as <see cref="PushMetrics"/> reports them: what waits is read from the
/// outboxes themselves when a listener asks, so nothing is counted twice on the way. <see cref="None"/>
/// reports nothing.
/// </summary>
public sealed class OutboxMeter(PushMetrics? metrics, string outbox)
{
    public static readonly OutboxMeter None = new(null, "");

    private readonly KeyValuePair<string, object?> tag = new("deliberation.outbox.kind", outbox);
    private readonly ConcurrentDictionary<DialogueOutbox, bool> live = new();

    internal Measurement<long> WaitingNow => new(live.Keys.Sum(o => (long)o.Waiting), tag);

    /// <summary>From its start until its loop ends, an outbox's backlog counts in the gauge.</summary>
    public void Track(DialogueOutbox box)
    {
        if (metrics is not null)
            live.TryAdd(box, true);
    }

    public void Untrack(DialogueOutbox box) => live.TryRemove(box, out _);

    public void Sent(PushBatch batch, TimeSpan took)
    {
        metrics?.Duration.Record(took.TotalSeconds, tag);
        if (batch.EventCount > 0)
            metrics?.Events.Record(batch.EventCount, tag);
    }
}
