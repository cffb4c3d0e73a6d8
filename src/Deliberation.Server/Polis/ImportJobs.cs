using System.Collections.Concurrent;
using Deliberation.Contracts.Http;
using Deliberation.Domain;
using Deliberation.Persistence;
using Deliberation.Server.Accounts;
using Deliberation.Server.Services;

namespace Deliberation.Server.Polis;

/// <summary>
/// The node's import jobs (docs/architecture.md, "Imports: a job, staged, made visible in one step").
/// A job writes its plan's events under the dialogue's scope marked pending (<see cref="StagedImport"/>),
/// makes them visible by removing the mark, and only then lets the grains and the directory know of the dialogue; a job that fails leaves nothing. Jobs
/// live in this node's memory: after a restart a job is unknown, and the store's start discards what
/// it had staged.
/// </summary>
public sealed class ImportJobs(
    IImportStaging staging,
    DialogueService dialogues,
    Review.ScopeHistories histories,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ImportJobs> logger)
{
    /// <summary>How long a finished job can still be read: long enough for a poll that was a little late.</summary>
    private static readonly TimeSpan KeptAfterFinishing = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();

    /// <summary>The job, to the organiser account that started it only.</summary>
    public ImportJob? Find(Guid jobId, string accountId) =>
        jobs.TryGetValue(jobId, out var job) && job.OwnerAccountId == accountId ? job : null;

    /// <summary>
    /// Starts deciding and writing a plan; answers at once with the job to follow. The domain judges the
    /// plan as the job writes it: a refusal discards what was staged and fails the job with its rule.
    /// </summary>
    public ImportJob Start(ImportPlan plan, string ownerAccountId, Guid importer, string importerName, ImportPhases phases)
    {
        Forget();
        var job = new ImportJob(Guid.NewGuid(), ownerAccountId, plan.RowsRead, plan.EstimatedEvents, time);
        jobs[job.Id] = job;
        // Not the request's task: the request answers 202 now, and the job outlives it.
        _ = Task.Run(() => RunAsync(job, plan, importer, importerName, phases, lifetime.ApplicationStopping));
        return job;
    }

    private async Task RunAsync(ImportJob job, ImportPlan plan, Guid importer, string importerName, ImportPhases phases, CancellationToken stopping)
    {
        var scope = StreamIds.Scope(plan.DialogueId);
        long written = 0;
        using var closing = plan;
        try
        {
            var outcome = await StagedImport.WriteAsync(plan, staging, importer, time.GetUtcNow(),
                events => job.Wrote(written = events), phases, stopping);
            if (outcome.Refused is { } refused)
            {
                await DiscardAsync(scope);
                job.Fail(refused);
                return;
            }
            if (outcome.Discarded)
            {
                await DiscardAsync(scope);
                job.Fail("import.discarded", "The import's written events were removed before it finished (a server started meanwhile); nothing was imported. Try again.");
                return;
            }
            await phases.TimeAsync("adopt", () => dialogues.AdoptImportedAsync(plan.DialogueId, importer, importerName));
            await phases.TimeAsync("record", async () =>
            {
                await using var accounts = scopes.CreateAsyncScope();
                await accounts.ServiceProvider.GetRequiredService<AccountDialogues>().RecordAsync(job.OwnerAccountId, plan.DialogueId, importer);
            });
            job.Succeed(new ImportedConversation(plan.DialogueId, plan.StatementId, plan.Clauses, plan.Participants, plan.Positions), outcome.Written);
            logger.LogInformation("Import {Job} made dialogue {Dialogue}: {Events} events", job.Id, plan.DialogueId, outcome.Written);
            phases.Report(job.Id, outcome.Written);
            await StoreReviewTraceAsync(plan, stopping);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {Job} failed after {Events} events; discarding what it staged", job.Id, written);
            if (job.State != ImportJob.Done)
            {
                await DiscardAsync(scope);
                job.Fail("import.failed", "The import could not be written; nothing was imported. Try again, and tell the operator if it fails again.");
            }
        }
    }

    /// <summary>
    /// After the job is done (the importer need not wait for it): the statement's review trace made
    /// and stored, so its first timeline is a read, not a pass over every imported event
    /// (docs/architecture.md, "Review"). A review asked meanwhile waits for this pass rather than
    /// making its own.
    /// </summary>
    private async Task StoreReviewTraceAsync(ImportPlan plan, CancellationToken stopping)
    {
        try
        {
            await histories.StoreTraceAsync(plan.DialogueId, plan.StatementId, stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The import stands; its first review only makes the pass itself.
            logger.LogWarning(e, "Could not make the review trace of imported dialogue {Dialogue}", plan.DialogueId);
        }
    }

    private async Task DiscardAsync(string scope)
    {
        try
        {
            await staging.DiscardAsync(scope, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The next start discards it; until then its pending mark keeps it invisible.
            logger.LogWarning(e, "Could not discard pending import {Scope}", scope);
        }
    }

    private void Forget()
    {
        var before = time.GetUtcNow() - KeptAfterFinishing;
        foreach (var (id, job) in jobs)
        {
            if (job.FinishedAt is { } finished && finished < before)
                jobs.TryRemove(id, out _);
        }
    }
}
