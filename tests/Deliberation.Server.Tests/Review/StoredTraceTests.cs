using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Review;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;
using Deliberation.Server.Review;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests.Review;

/// <summary>
/// A statement's review trace stored in the server's own store and read on after a restart
/// (docs/architecture.md, "Review"): the first timeline after a start loads it and reads only the
/// events since, ending exactly where a pass over the whole history ends; a stored trace that no
/// longer fits the history is not used. A <see cref="ScopeHistory"/> made anew is what a restart
/// (or <c>Review:KeepFor</c> running out) leaves in memory: nothing.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class StoredTraceTests(ServerFixture fixture)
{
    private const string Marker = "read from the stored trace";

    private IEventStore Store => fixture.Server.Services.GetRequiredService<IEventStore>();

    private static ScopeHistory Restarted(TestDialogue dialogue) => new(dialogue.Id, ScopeReplay.DefaultCheckpointEvery, saveTraceEvery: 1);

    private async Task<(TestDialogue Dialogue, Guid Clause)> RoomAsync()
    {
        var dialogue = await CreateAsync(fixture.Server, ConfidentialityMode.Attributed);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "Frontier developers should publish a safety case.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        await TakeNearConsensusPositionsAsync(dialogue, clause);
        return (dialogue, clause);
    }

    /// <summary>The trace the history answers with, and a pass of its own over every event the history holds.</summary>
    private Task<(string Answered, string Fresh)> TraceAndFreshPassAsync(ScopeHistory history, TestDialogue dialogue) =>
        history.UseAsync(Store, scope =>
        {
            var fresh = new ReviewTrace(dialogue.Id, dialogue.StatementId);
            fresh.Advance(scope.Replay.Range(0, scope.Replay.Count), 0);
            return (Describe(scope.Trace(dialogue.StatementId)), Describe(fresh));
        }, CancellationToken.None, dialogue.StatementId);

    /// <summary>The timeline's way after a restart: the trace alone, and a pass of the test's own over the stored scope.</summary>
    private async Task<(string Answered, string Fresh)> TraceAloneAndFreshPassAsync(ScopeHistory history, TestDialogue dialogue)
    {
        var answered = await history.UseTraceAloneAsync(Store, dialogue.StatementId, Describe, CancellationToken.None);
        var fresh = new ReviewTrace(dialogue.Id, dialogue.StatementId);
        fresh.Advance([.. (await Store.ReadScopeAsync(StreamIds.Scope(dialogue.Id))).Select(e =>
        {
            var recorded = RecordedEvent.Decode(e);
            return new ScopeEvent(e.Position, StreamIds.TryStatementId(e.StreamId, out var id) ? id : null, recorded.Event, recorded.Meta);
        })], 0);
        return (answered, Describe(fresh));
    }

    private static string Describe(ReviewTrace trace) =>
        $"{trace.Read} {trace.LastPosition} {DomainJson.Serialize(trace.Moments)} {DomainJson.Serialize(trace.Live)} {DomainJson.Serialize(trace.Released)} {DomainJson.Serialize(trace.State.Statement(trace.StatementId))}";

    [Fact]
    public async Task AfterARestartTheStoredTraceIsReadOnAndEndsWhereAWholePassEnds()
    {
        var (dialogue, clause) = await RoomAsync();
        using var _ = dialogue;
        var read = await Restarted(dialogue).UseAsync(Store, scope => scope.Trace(dialogue.StatementId).LastPosition, CancellationToken.None, dialogue.StatementId);
        var stored = await Store.LoadSnapshotAsync(ReviewTraceSnapshot.KeyOf(dialogue.StatementId));
        Assert.NotNull(stored);
        Assert.Equal(read, stored.Version);

        // The room goes on after the trace was stored: a substantive revision, new positions, a release.
        await dialogue.SetPhaseAsync(Facilitator, Phase.Drafting);
        await dialogue.AcceptAsync(Rapporteur, new ReviseClause(clause, 1, "Frontier developers must publish an audited safety case.", RevisionKind.Substantive, "Audits."));
        foreach (var who in new[] { "N1", "N2", "S1" })
            await dialogue.TakePositionAsync(who, clause, PositionKind.Support, revision: 2);
        await dialogue.AcceptAsync(Facilitator, new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true));

        var restarted = Restarted(dialogue);
        var (alone, freshAgain) = await TraceAloneAndFreshPassAsync(restarted, dialogue);
        // The same history then asked a question that reads it whole: the trace read alone goes on.
        await dialogue.TakePositionAsync("N4", clause, PositionKind.Support, revision: 2);
        var (answered, fresh) = await TraceAndFreshPassAsync(restarted, dialogue);

        Assert.Equal(freshAgain, alone);
        Assert.Equal(fresh, answered);
        Assert.NotEqual(alone, answered);
        Assert.Contains("revised (substantive)", answered, StringComparison.Ordinal);
        var again = await Store.LoadSnapshotAsync(ReviewTraceSnapshot.KeyOf(dialogue.StatementId));
        Assert.True(again!.Version > stored.Version, "the trace read on is stored again");
    }

    [Fact]
    public async Task TheFirstQuestionAfterARestartLoadsTheStoredTraceRatherThanPassingOverTheHistory()
    {
        var (dialogue, _) = await RoomAsync();
        using var __ = dialogue;
        await Restarted(dialogue).UseAsync(Store, scope => scope.Trace(dialogue.StatementId).Read, CancellationToken.None, dialogue.StatementId);
        var (row, snapshot) = await StoredAsync(dialogue);
        // A marker no pass would write: seen only if the trace came from the store.
        await SaveAsync(row, snapshot with { Moments = snapshot.Moments.SetItem(0, snapshot.Moments[0] with { Summary = Marker }) });

        await dialogue.TakePositionAsync("S3", snapshot.Moments.First(m => m.ClauseId is not null).ClauseId!.Value, PositionKind.Oppose);

        foreach (var (answered, fresh) in new[] { await TraceAndFreshPassAsync(Restarted(dialogue), dialogue), await TraceAloneAndFreshPassAsync(Restarted(dialogue), dialogue) })
        {
            Assert.Contains(Marker, answered, StringComparison.Ordinal);
            // Everything else is what a pass gives: with the summary put back, the two agree.
            Assert.Equal(fresh, answered.Replace(DomainJson.Serialize(Marker), DomainJson.Serialize(snapshot.Moments[0].Summary), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AStoredTraceThatNoLongerFitsTheHistoryIsNotUsed()
    {
        var (dialogue, _) = await RoomAsync();
        using var __ = dialogue;
        await Restarted(dialogue).UseAsync(Store, scope => scope.Trace(dialogue.StatementId).Read, CancellationToken.None, dialogue.StatementId);
        var (row, snapshot) = await StoredAsync(dialogue);
        // As after a late commit before its last event: that event is no longer the one at its place, and
        // the statement's stream goes on past a version the trace never read.
        var statement = snapshot.StreamVersions[dialogue.StatementId];
        await SaveAsync(row, snapshot with
        {
            Read = snapshot.Read - 1,
            StreamVersions = snapshot.StreamVersions.SetItem(dialogue.StatementId, statement - 1),
            Moments = snapshot.Moments.SetItem(0, snapshot.Moments[0] with { Summary = Marker }),
        });
        await dialogue.TakePositionAsync("S3", snapshot.Moments.First(m => m.ClauseId is not null).ClauseId!.Value, PositionKind.Oppose);

        // The timeline's way first: the full way stores a fresh trace over the doctored one.
        foreach (var (answered, fresh) in new[] { await TraceAloneAndFreshPassAsync(Restarted(dialogue), dialogue), await TraceAndFreshPassAsync(Restarted(dialogue), dialogue) })
        {
            Assert.DoesNotContain(Marker, answered, StringComparison.Ordinal);
            Assert.Equal(fresh, answered);
        }
    }

    [Fact]
    public async Task ATraceStoredBeforeMomentsHadPhrasesIsNotReadButTracedAfresh()
    {
        var (dialogue, _) = await RoomAsync();
        using var __ = dialogue;
        // What an older server stored, and all it stored: the trace under the key it used, its moments and standings without phrases.
        var old = new ReviewTrace(dialogue.Id, dialogue.StatementId);
        old.Advance([.. (await Store.ReadScopeAsync(StreamIds.Scope(dialogue.Id))).Select(e =>
        {
            var recorded = RecordedEvent.Decode(e);
            return new ScopeEvent(e.Position, StreamIds.TryStatementId(e.StreamId, out var id) ? id : null, recorded.Event, recorded.Meta);
        })], 0);
        var snapshot = old.Snapshot();
        var phraseless = snapshot with
        {
            Moments = [.. snapshot.Moments.Select((m, i) => m with { Phrase = null, Summary = i == 0 ? Marker : m.Summary })],
            Live = [.. snapshot.Live.Select(s => s with { Phrase = null, DetailPhrase = null })],
            Released = [.. snapshot.Released.Select(s => s with { Phrase = null, DetailPhrase = null })],
        };
        await Store.SaveSnapshotAsync(new Snapshot($"review-trace-{dialogue.StatementId:N}", snapshot.LastPosition + 1, DomainJson.Serialize(phraseless), DateTimeOffset.UtcNow));

        var history = Restarted(dialogue);
        var (answered, again) = await TraceAloneAndFreshPassAsync(history, dialogue);
        Assert.DoesNotContain(Marker, answered, StringComparison.Ordinal);
        Assert.Equal(again, answered);
        var moments = await history.UseTraceAloneAsync(Store, dialogue.StatementId, t => t.Moments, CancellationToken.None);
        Assert.NotEmpty(moments);
        Assert.All(moments, m => Assert.NotNull(m.Phrase));
    }

    private async Task<(Snapshot Row, ReviewTraceSnapshot Trace)> StoredAsync(TestDialogue dialogue)
    {
        var row = await Store.LoadSnapshotAsync(ReviewTraceSnapshot.KeyOf(dialogue.StatementId));
        Assert.NotNull(row);
        return (row, DomainJson.Deserialize<ReviewTraceSnapshot>(row.StateJson));
    }

    // A higher version, so the store keeps it over the one the pass stored.
    private Task SaveAsync(Snapshot row, ReviewTraceSnapshot doctored) =>
        Store.SaveSnapshotAsync(row with { Version = row.Version + 1, StateJson = DomainJson.Serialize(doctored) });
}
