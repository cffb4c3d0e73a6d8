using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Polis;
using Deliberation.Server.Polis;

namespace Deliberation.Server.Tests;

/// <summary>
/// An import builds its statement's final state from a tally of its positions rather than a new
/// immutable state per position (docs/performance.md, "Imports of any size"). That state is stored as the
/// statement's snapshot and judges the release, so it must be exactly what the domain's replay of the
/// statement's stream gives — the state a grain loading the stream event by event would hold.
/// </summary>
public sealed class ImportedPositionsTallyTests
{
    [Theory]
    // Every participant on every comment; a run of a few each, the rest of the row blank.
    [InlineData(90, 7, null)]
    [InlineData(300, 40, 6)]
    public async Task TheImportsFinalStatementIsTheDomainsReplayOfItsStream(int participants, int comments, int? votesEach)
    {
        using var folder = new TempFolder("deliberation-tally");
        SyntheticPolisExport.Write(folder.Path, participants, comments, votesEach);
        var plan = ReadPlan(folder.Path);
        var importer = Guid.NewGuid();
        var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var stream = new List<StatementEvent>();
        var statementStream = StreamIds.Statement(plan.StatementId);

        var refused = await plan.DecideAsync(importer, now, (streamId, events) =>
        {
            if (streamId == statementStream)
                stream.AddRange(events.Cast<StatementEvent>());
            return Task.CompletedTask;
        });

        Assert.Null(refused);
        Assert.Equal(plan.Positions, stream.OfType<PositionTaken>().Count());
        var replayed = Statement.Replay(plan.StatementId, stream.Select((e, i) => (e, new EventMeta(i + 1, now, importer))));
        Assert.Equal(DomainJson.Serialize(replayed), DomainJson.Serialize(plan.FinalStatement));
        Assert.Equal(plan.Positions, plan.FinalStatement!.Clauses.Values.Sum(c => (long)c.Positions.Count));
    }

    private static ImportPlan ReadPlan(string folder)
    {
        using var comments = File.OpenRead(Path.Combine(folder, PolisFiles.Comments));
        using var participantsVotes = File.OpenRead(Path.Combine(folder, PolisFiles.ParticipantsVotes));
        return ImportPlan.Of(PolisReader.Read(comments, participantsVotes, null, PolisImporter.Limits), "Tally", "Importer");
    }
}
