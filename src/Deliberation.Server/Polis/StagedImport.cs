using Deliberation.Server.Services;
using System.Text.Json;
using Deliberation.Domain;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;

namespace Deliberation.Server.Polis;

/// <summary>What writing an import came to: the events written, or the domain's refusal, or a discard under the job.</summary>
public sealed record StagedImportOutcome(long Written, RuleError? Refused, bool Discarded)
{
    public bool Promoted => Refused is null && !Discarded;
}

/// <summary>
/// The writing part of an import job (docs/architecture.md, "Imports: a job, staged, made visible in one
/// step"): the dialogue's scope marked pending, the plan decided and its events staged under it, the
/// statement's snapshot, and the one-row promotion. What comes after (the grains, the account's list) is
/// the job's; the in-process import benchmark runs exactly this. On a refusal or a discard what was
/// staged is left for the caller to discard.
/// </summary>
public static class StagedImport
{
    public static async Task<StagedImportOutcome> WriteAsync(
        ImportPlan plan, IImportStaging staging, Guid importer, DateTimeOffset now,
        Action<long> onWritten, ImportPhases phases, CancellationToken cancellationToken)
    {
        var staged = await StageAsync(plan, staging, importer, now, onWritten, phases, cancellationToken);
        if (staged.Refused is not null)
            return staged;
        var promoted = await phases.TimeAsync("promote", () => staging.PromoteAsync(StreamIds.Scope(plan.DialogueId), cancellationToken));
        return staged with { Discarded = !promoted };
    }

    /// <summary>Everything but the promotion: the dialogue written whole, and still invisible.</summary>
    public static async Task<StagedImportOutcome> StageAsync(
        ImportPlan plan, IImportStaging staging, Guid importer, DateTimeOffset now,
        Action<long> onWritten, ImportPhases phases, CancellationToken cancellationToken)
    {
        var scope = StreamIds.Scope(plan.DialogueId);
        await staging.BeginAsync(scope, cancellationToken);
        await using var writer = new StagedWriter(staging, scope, importer, now, onWritten, phases, cancellationToken);
        var refused = await phases.TimeAsync("decide and write", async () =>
        {
            // The store takes the batches as they are decided; a refusal leaves the rest unwritten.
            var refused = await plan.DecideAsync(importer, now, writer.WriteAsync, phases);
            if (refused is null)
                await writer.FinishAsync();
            return refused;
        });
        if (refused is not null)
            return new StagedImportOutcome(writer.Written, refused, Discarded: false);
        await phases.TimeAsync("snapshot", () => SnapshotStatementAsync(plan, writer, staging, now, phases, cancellationToken));
        return new StagedImportOutcome(writer.Written, null, Discarded: false);
    }

    /// <summary>
    /// Staged with the events it covers and discarded with them: the first load of a statement of
    /// millions of positions then reads one snapshot, not every event, and stays inside a grain call's time.
    /// </summary>
    /// <remarks>
    /// Written as UTF-8 to a temporary file and handed to the store from there: never one string of the
    /// whole statement (hundreds of megabytes at 2,000,000 positions, twice that as UTF-16).
    /// The statement is not needed after it, so the plan lets it go.
    /// </remarks>
    private static async Task SnapshotStatementAsync(ImportPlan plan, StagedWriter writer, IImportStaging staging, DateTimeOffset now, ImportPhases phases, CancellationToken cancellationToken)
    {
        var stream = StreamIds.Statement(plan.StatementId);
        if (plan.TakeFinalStatement() is not { } statement || writer.VersionOf(stream) != statement.Version)
            return;
        await using var json = await phases.TimeAsync("serialise", () => SpooledJson.WriteAsync(statement, cancellationToken));
        await phases.TimeAsync("store", () => staging.SaveSnapshotAsync(StreamIds.Scope(plan.DialogueId), stream, statement.Version, json, now, cancellationToken));
    }
}
