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

    /// <summary>
    /// A trace is stored in parts (docs/architecture.md, "Review"): the first question after a restart reads the
    /// head and every part it names, and a part is read, not made again — a marker put into the stored part
    /// holding the first moment comes back in the answer, and everything else is what a pass gives.
    /// </summary>
    [Fact]
    public async Task ATraceStoredInPartsIsReadBackWholeFromItsParts()
    {
        var (dialogue, _) = await RoomAsync();
        using var __ = dialogue;
        await InParts(dialogue).UseAsync(Store, scope => scope.Trace(dialogue.StatementId).Read, CancellationToken.None, dialogue.StatementId);
        var (_, head) = await StoredAsync(dialogue);
        Assert.True(head.PartEnds.Length >= 3, $"{head.Read} events read, {head.PartEnds.Length} parts stored");
        Assert.All(head.Moments, m => Assert.True(m.Index >= head.PartEnds.Length * PartSize, "the head holds only what its parts do not"));
        var whole = (await new ReviewTraceStore().LoadAsync(Store, dialogue.StatementId, CancellationToken.None))!;
        var first = whole.Moments[0];
        var key = StoredReviewTrace.PartKeys(head).ElementAt(first.Index / PartSize);
        var row = (await Store.LoadSnapshotAsync(key))!;
        var part = DomainJson.Deserialize<ReviewTracePart>(row.StateJson);
        await Store.SaveSnapshotAsync(row with
        {
            Version = row.Version + 1,
            StateJson = DomainJson.Serialize(part with { Moments = [.. part.Moments.Select(m => m == first ? m with { Summary = Marker } : m)] }),
        });

        await dialogue.TakePositionAsync("S3", whole.Moments.First(m => m.ClauseId is not null).ClauseId!.Value, PositionKind.Oppose);

        foreach (var (answered, fresh) in new[] { await TraceAndFreshPassAsync(InParts(dialogue), dialogue), await TraceAloneAndFreshPassAsync(InParts(dialogue), dialogue) })
        {
            Assert.Contains(Marker, answered, StringComparison.Ordinal);
            Assert.Equal(fresh, answered.Replace(DomainJson.Serialize(Marker), DomainJson.Serialize(first.Summary), StringComparison.Ordinal));
        }
    }

    /// <summary>A head that names a part the store does not hold (a part of another reading of the history) is not used: the trace is made afresh.</summary>
    [Fact]
    public async Task ATraceWhosePartIsMissingIsTracedAfresh()
    {
        var (dialogue, _) = await RoomAsync();
        using var __ = dialogue;
        await InParts(dialogue).UseAsync(Store, scope => scope.Trace(dialogue.StatementId).Read, CancellationToken.None, dialogue.StatementId);
        var (row, head) = await StoredAsync(dialogue);
        Assert.NotEmpty(head.PartEnds);
        // The first part named by a position it never ended at, and a marker in the head a pass would not write.
        await SaveAsync(row, head with
        {
            PartEnds = head.PartEnds.SetItem(0, head.PartEnds[0] + 1),
            Moments = [.. head.Moments, new KeyMoment(head.Read - 1, MomentKind.Phase, null, Marker, null, Guid.Empty)],
        });

        foreach (var (answered, fresh) in new[] { await TraceAloneAndFreshPassAsync(InParts(dialogue), dialogue), await TraceAndFreshPassAsync(InParts(dialogue), dialogue) })
        {
            Assert.DoesNotContain(Marker, answered, StringComparison.Ordinal);
            Assert.Equal(fresh, answered);
        }
    }

    /// <summary>
    /// An import's pass traces a statement to store it once at its end, while the node's follower reads the same
    /// history: the follower reads on with the pass, page for page, but only the pass stores, once, at the last
    /// event. Each store writes the head, the statement's state, hundreds of megabytes after an import of
    /// 2,000,000 votes (docs/performance.md, "Session 15: the snapshot SQLite spelled out"); afterwards the follower stores as before.
    /// </summary>
    [Fact]
    public async Task WhileAnImportsPassTracesAStatementOnlyThePassStoresItsTraceOnceAtTheEnd()
    {
        var (dialogue, _) = await RoomAsync();
        using var _ = dialogue;
        var head = ReviewTraceSnapshot.KeyOf(dialogue.StatementId);
        var events = await Store.ReadScopeAsync(StreamIds.Scope(dialogue.Id));
        var byPass = HeadSaves.Around(Store, head);
        var byFollower = HeadSaves.Around(Store, head);
        var history = new ScopeHistory(dialogue.Id, ScopeReplay.DefaultCheckpointEvery, saveTraceEvery: 1);

        // Pages of two events; the two take turns at the history's gate.
        var pass = history.FollowAsync(byPass.Store, dialogue.StatementId, 2, CancellationToken.None, storeOnceAtTheEnd: true);
        var follower = history.FollowAsync(byFollower.Store, dialogue.StatementId, 2, CancellationToken.None);
        await Task.WhenAll(pass, follower);

        Assert.Empty(byFollower.Saved);
        Assert.Equal([events[^1].Position], byPass.Saved);
        Assert.True(byFollower.Reads > 2, $"The follower read {byFollower.Reads} pages while the pass ran; the test needs it to read alongside.");

        // The pass is over: the follower stores again every save interval.
        await dialogue.SetPhaseAsync(Facilitator, Phase.Drafting);
        await history.FollowAsync(byFollower.Store, dialogue.StatementId, 2, CancellationToken.None);
        Assert.Equal([(await Store.ReadScopeAsync(StreamIds.Scope(dialogue.Id)))[^1].Position], byFollower.Saved);
    }

    /// <summary>The store as it is, noting the versions a trace's head is saved at and how many pages of a scope are read.</summary>
    public class HeadSaves : System.Reflection.DispatchProxy
    {
        private IEventStore inner = null!;
        private string key = "";

        public List<long> Saved { get; } = [];

        public int Reads { get; private set; }

        /// <summary>This, as the store it stands for.</summary>
        public IEventStore Store => (IEventStore)(object)this;

        public static HeadSaves Around(IEventStore inner, string headKey)
        {
            var proxy = Create<IEventStore, HeadSaves>();
            var saves = (HeadSaves)(object)proxy;
            (saves.inner, saves.key) = (inner, headKey);
            return saves;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(method);
            if (method.Name == nameof(IEventStore.SaveSnapshotAsync) && args is [string stream, long version, ..] && stream == key)
                lock (Saved)
                    Saved.Add(version);
            if (method.Name == nameof(IEventStore.ReadScopeAsync))
            {
                Reads++;
                // Never done at once, as a read over a network is not: the other caller gets its turn at the gate.
                return Later((Task<IReadOnlyList<StoredEvent>>)method.Invoke(inner, args)!);
            }
            return method.Invoke(inner, args);
        }

        private static async Task<IReadOnlyList<StoredEvent>> Later(Task<IReadOnlyList<StoredEvent>> read)
        {
            await Task.Yield();
            return await read;
        }
    }

    private const int PartSize = 4;

    private static ScopeHistory InParts(TestDialogue dialogue) =>
        new(dialogue.Id, ScopeReplay.DefaultCheckpointEvery, saveTraceEvery: 1, tracePartSize: PartSize);

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
