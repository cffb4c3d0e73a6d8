using Deliberation.Contracts.Http;
using Deliberation.Domain;

namespace Deliberation.Server.Polis;

/// <summary>
/// One import's progress, as its job writes it and GET /api/imports/{jobId} reads it
/// (docs/api.md, "Pol.is imports"). Written by the job's one task, read by any request: each field
/// changes whole, and a reader may see one a moment older than another, which a progress bar forgives.
/// </summary>
public sealed class ImportJob(Guid id, string ownerAccountId, long rowsRead, long estimatedEvents, TimeProvider time)
{
    public const string Reading = "reading";
    public const string Writing = "writing";
    public const string Done = "done";
    public const string Failed = "failed";

    private readonly DateTimeOffset startedAt = time.GetUtcNow();
    private long eventsWritten;
    private long eventsTotal = estimatedEvents;
    private volatile string state = Writing;
    private volatile ImportedConversation? result;
    private volatile ImportJobError? error;

    public Guid Id => id;

    /// <summary>The organiser account that started it: nobody else may follow it.</summary>
    public string OwnerAccountId => ownerAccountId;

    public DateTimeOffset? FinishedAt { get; private set; }

    public string State => state;

    public ImportedConversation? Result => result;

    public void Wrote(long events) => Interlocked.Exchange(ref eventsWritten, events);

    public void Succeed(ImportedConversation imported, long events)
    {
        // The estimate made before deciding becomes the count written.
        Interlocked.Exchange(ref eventsTotal, events);
        result = imported;
        FinishedAt = time.GetUtcNow();
        state = Done;
    }

    public void Fail(RuleError refused) => Fail(refused.Rule, refused.Message);

    public void Fail(string rule, string message)
    {
        error = new ImportJobError(rule, message);
        FinishedAt = time.GetUtcNow();
        state = Failed;
    }

    public ImportJobView View()
    {
        var written = Interlocked.Read(ref eventsWritten);
        var current = state;
        var total = Math.Max(Interlocked.Read(ref eventsTotal), written);
        return new ImportJobView(id, current, rowsRead, total, written, SecondsLeft(current, written, total), result, error);
    }

    /// <summary>At the rate so far; none before the first batch, and none once finished.</summary>
    private double? SecondsLeft(string current, long written, long total)
    {
        if (current != Writing || written == 0)
            return current == Done ? 0 : null;
        var elapsed = (time.GetUtcNow() - startedAt).TotalSeconds;
        return Math.Round(elapsed / written * Math.Max(0, total - written), 1);
    }
}
