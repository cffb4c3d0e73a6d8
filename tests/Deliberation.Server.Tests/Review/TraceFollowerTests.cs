using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Review;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;
using Deliberation.Persistence.Sqlite;
using Deliberation.Server.Review;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests.Review;

/// <summary>
/// A statement made in a room that nobody reviewed while it went on: the node's trace follower
/// (docs/architecture.md, "Review") stored its trace as the room went, in small pages and every few
/// events here, so the very first timeline question, asked after a restart, reads that stored trace
/// and the events after it rather than a pass over the whole history. The real server, as its own
/// process, killed and started again on its database.
/// </summary>
public sealed class TraceFollowerTests : IDisposable
{
    private const string Marker = "read from the trace the follower stored";
    private const int SaveEvery = 40;
    // Smaller than a save interval: the follower stores parts as well as heads.
    private const int PartSize = 30;
    private static readonly PositionKind[] Kinds = [PositionKind.Support, PositionKind.Accept, PositionKind.Oppose, PositionKind.StandAside];
    private static readonly string[] Delegates = ["N1", "N2", "N3", "N4", "S1", "S2", "S3"];

    private readonly TempFolder folder = new("deliberation-trace-follower");
    private readonly ServiceProvider storage;
    private ServerProcess server;

    public TraceFollowerTests()
    {
        server = NewServer();
        storage = new ServiceCollection()
            .AddDeliberationPersistence(options => options.UseDeliberationSqlite($"Data Source={server.DatabasePath};Pooling=False"))
            .BuildServiceProvider();
    }

    private IEventStore Store => storage.GetRequiredService<IEventStore>();

    // Pages of 7 events and a save every 40: a room of a few hundred events crosses both many times.
    private ServerProcess NewServer() => new(folder.File("deliberation.db"), folder.Path, seedDemo: false,
        settings: ["--Review:FollowEvery=00:00:00.2", $"--Review:SaveTraceEvery={SaveEvery}", "--Review:FollowBatch=7", $"--Review:TracePartSize={PartSize}"]);

    [Fact]
    public async Task TheFirstTimelineEverOfARoomMadeStatementReadsTheTraceTheFollowerStored()
    {
        await server.StartAsync();
        var dialogue = await TestDialogue.CreateAsync(server.NewClient, ConfidentialityMode.Attributed, Dimensions, Seats);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "Frontier developers should publish a safety case.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        for (var round = 0; round < 16; round++)
        {
            for (var d = 0; d < Delegates.Length; d++)
                await dialogue.TakePositionAsync(Delegates[d], clause, Kinds[(round + d) % Kinds.Length]);
            if (round == 8)
                await dialogue.AcceptAsync(Facilitator, new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true));
        }
        // The convener signs back in with an invite after the restart, whatever became of the cookie keys.
        var code = (await dialogue.Convener.PostOkAsync($"{dialogue.Url}/members/{dialogue.Convener.ParticipantId}/invites", new { }))["code"]!.GetValue<string>();
        var scope = StreamIds.Scope(dialogue.Id);
        var events = await Store.ReadScopeAsync(scope);
        Assert.True(events.Count > 3 * SaveEvery, $"only {events.Count} events");

        // No question was asked: whatever is stored, the follower stored. Caught up: less than a save interval behind.
        var traceKey = ReviewTraceSnapshot.KeyOf(dialogue.StatementId);
        Snapshot? row = null;
        await Eventually.Async(async () =>
        {
            row = await Store.LoadSnapshotAsync(traceKey);
            return row is not null && DomainJson.Deserialize<ReviewTraceSnapshot>(row.StateJson).Read > events.Count - SaveEvery;
        }, TimeSpan.FromSeconds(60), () => $"The follower did not store a trace within {SaveEvery} events of the head ({events.Count}); stored: {row?.Version}", TimeSpan.FromMilliseconds(200));
        var head = DomainJson.Deserialize<ReviewTraceSnapshot>(row!.StateJson);
        Assert.Equal(head.Read / PartSize, head.PartEnds.Length);
        var stored = (await new ReviewTraceStore().LoadAsync(Store, dialogue.StatementId, CancellationToken.None))!;

        // What the follower stored, in pages and saves, is what one pass over the same events makes.
        var fresh = new ReviewTrace(dialogue.Id, dialogue.StatementId);
        fresh.Advance([.. events.Take(stored.Read).Select(Decode)], 0);
        Assert.Equal(Describe(fresh.Snapshot()), Describe(stored));
        Assert.Equal(events[stored.Read - 1].Position, stored.LastPosition);

        server.Kill();
        // A marker no pass would write, in the stored part that holds the first moment: seen only if the first
        // question read the stored trace, parts and all.
        var first = stored.Moments[0];
        var partRow = (await Store.LoadSnapshotAsync(StoredReviewTrace.PartKeys(head).ElementAt(first.Index / PartSize)))!;
        var part = DomainJson.Deserialize<ReviewTracePart>(partRow.StateJson);
        await Store.SaveSnapshotAsync(partRow with
        {
            Version = partRow.Version + 1,
            StateJson = DomainJson.Serialize(part with { Moments = [.. part.Moments.Select(m => m == first ? m with { Summary = Marker } : m)] }),
        });
        server = NewServer();
        await server.StartAsync();

        using var reviewer = server.NewClient();
        await reviewer.RedeemAsync(code);
        var timeline = await reviewer.GetJsonAsync($"/api/dialogues/{dialogue.Id}/statements/{dialogue.StatementId}/review/timeline");
        var summaries = timeline["moments"]!.AsArray().Select(m => (string)m!["summary"]!).ToList();
        Assert.Contains(Marker, summaries);
        // Everything else is the pass's: the events after the stored trace were read on top of it.
        var whole = new ReviewTrace(dialogue.Id, dialogue.StatementId);
        whole.Advance([.. events.Select(Decode)], 0);
        Assert.Equal(whole.Moments.Count, timeline["moments"]!.AsArray().Count(m => (string)m!["kind"]! != "status"));
        Assert.All(whole.Moments.Skip(1), m => Assert.Contains(m.Summary, summaries));
    }

    private static ScopeEvent Decode(StoredEvent e)
    {
        var recorded = RecordedEvent.Decode(e);
        return new ScopeEvent(e.Position, StreamIds.TryStatementId(e.StreamId, out var id) ? id : null, recorded.Event, recorded.Meta);
    }

    private static string Describe(ReviewTraceSnapshot trace) =>
        $"{trace.Read} {trace.LastPosition} {DomainJson.Serialize(trace.Moments)} {DomainJson.Serialize(trace.Live)} {DomainJson.Serialize(trace.Released)} {DomainJson.Serialize(trace.State.Statement(trace.StatementId))} {DomainJson.Serialize(trace.StreamVersions.OrderBy(v => v.Key))}";

    public void Dispose()
    {
        server.Dispose();
        storage.Dispose();
        folder.Dispose();
    }
}
