using System.Collections.Immutable;
using System.Text.Json;
using Deliberation.Contracts.Views;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Deliberation.Server.Extensions;
using Deliberation.Server.Realtime;
using Deliberation.Server.Tests.Visibility;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Tests.Realtime;

/// <summary>
/// Join answers write the roster and the figures from bytes kept per instance (docs/performance.md,
/// "Joining"): what a client reads must be exactly what the hub's JSON wrote before, and never what
/// an older roster or older figures were.
/// </summary>
public sealed class SharedJsonTests
{
    private sealed record Answer(DialogueView Dialogue, IReadOnlyList<StatementConsensus> Consensus);

    [Fact]
    public void TheRosterAndTheFiguresAreWrittenAsTheHubsJsonWritesThem()
    {
        var room = Room(out var viewer);
        var answer = AnswerFor(room, viewer);

        var shared = SharedOptions();
        Assert.Equal(JsonSerializer.Serialize(answer, PlainOptions()), JsonSerializer.Serialize(answer, shared));
        // Written again from what was kept: the same text.
        Assert.Equal(JsonSerializer.Serialize(answer, PlainOptions()), JsonSerializer.Serialize(answer, shared));
        // And it reads back.
        var read = JsonSerializer.Deserialize<Answer>(JsonSerializer.Serialize(answer, shared), shared)!;
        Assert.Equal(answer.Dialogue.Roster.Select(m => m.ParticipantId), read.Dialogue.Roster.Select(m => m.ParticipantId));
    }

    /// <summary>
    /// The hub's options resolve the roster and the figures to the shared converters, not to the wire's
    /// own <c>ImmutableArray</c> converter registered before them: with that one first, every answer was
    /// still right but the roster was serialized afresh for every joiner.
    /// </summary>
    [Fact]
    public void TheHubsOptionsWriteTheRosterAndTheFiguresFromTheSharedBytes()
    {
        var shared = SharedOptions();

        Assert.Equal(typeof(SharedJson), shared.GetConverter(typeof(ImmutableArray<MemberView>)).GetType().DeclaringType);
        Assert.Equal(typeof(SharedJson), shared.GetConverter(typeof(StatementConsensus)).GetType().DeclaringType);
    }

    [Fact]
    public void AChangedRosterOrNewFiguresAreWrittenAfresh()
    {
        var room = Room(out var viewer);
        var shared = SharedOptions();
        var before = JsonSerializer.Serialize(AnswerFor(room, viewer), shared);

        var added = room.Add(Role.Delegate, SmallRoom.South, "Amara Okafor");
        room.Take(viewer, room.Statement.OrderedClauses.First().Id, PositionKind.Oppose);
        var after = AnswerFor(room, viewer);

        Assert.DoesNotContain(added.ToString(), before, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(after, PlainOptions()), JsonSerializer.Serialize(after, shared));
        Assert.Contains(added.ToString(), JsonSerializer.Serialize(after, shared), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryReleaseViewerOfOneSnapshotGetsTheSameReleasedFigures()
    {
        var room = Room(out var viewer);
        var other = room.Add(Role.Delegate, SmallRoom.North, "Zhang Wei");
        var first = ViewsOf.Consensus(ConsensusCalculator.Compute(room.Dialogue, room.Statement), room.Statement, Viewer.Of(room.Dialogue, viewer)!);
        var second = ViewsOf.Consensus(ConsensusCalculator.Compute(room.Dialogue, room.Statement), room.Statement, Viewer.Of(room.Dialogue, other)!);

        Assert.Same(first, second);
        Assert.Equal(JsonSerializer.Serialize(Disclosure.Released(room.Statement, room.Dialogue), PlainOptions()), JsonSerializer.Serialize(first, PlainOptions()));
    }

    private static SmallRoom Room(out Guid viewer)
    {
        var room = new SmallRoom(ConfidentialityMode.ChathamHouse);
        viewer = room.Add(Role.Delegate, SmallRoom.North, "Ines Delegate");
        for (var i = 0; i < 4; i++)
            room.Add(Role.Delegate, i % 2 == 0 ? SmallRoom.North : SmallRoom.South);
        var clause = room.Clause("No AI system should copy itself without human approval.");
        room.Deliberate();
        room.Take(viewer, clause, PositionKind.Support);
        return room;
    }

    private static Answer AnswerFor(SmallRoom room, Guid participant)
    {
        var viewer = Viewer.Of(room.Dialogue, participant)!;
        var live = ConsensusCalculator.Compute(room.Dialogue, room.Statement);
        var dialogue = ViewsOf.Dialogue(viewer);
        return new Answer(dialogue, [ViewsOf.Consensus(live, room.Statement, viewer), live]);
    }

    private static JsonSerializerOptions PlainOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceExtensions.CopyDomainJson(options);
        return options;
    }

    private static JsonSerializerOptions SharedOptions()
    {
        var options = PlainOptions();
        SharedJson.ApplyTo(options);
        return options;
    }
}
