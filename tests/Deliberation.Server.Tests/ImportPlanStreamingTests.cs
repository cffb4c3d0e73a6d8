using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Polis;
using Deliberation.Server.Polis;

namespace Deliberation.Server.Tests;

/// <summary>
/// A plan given the participants-votes file reads the votes from it again, row by row, as it decides the
/// positions, instead of holding every vote of the conversation for the whole job (docs/performance.md,
/// "Imports of any size"). It must decide exactly what the plan of the conversation as read decides.
/// </summary>
public sealed class ImportPlanStreamingTests
{
    [Theory]
    [InlineData(90, 7, null)]
    [InlineData(700, 40, 6)]
    public async Task APlanReadingTheVotesAgainFromTheFileDecidesWhatThePlanOfTheWholeReadDecides(int participants, int comments, int? votesEach)
    {
        using var folder = new TempFolder("deliberation-streaming-plan");
        SyntheticPolisExport.Write(folder.Path, participants, comments, votesEach);

        var whole = await DecidedAsync(Read(folder.Path, streamed: false));
        var streamed = await DecidedAsync(Read(folder.Path, streamed: true));

        Assert.NotEmpty(whole.Positions);
        Assert.Equal(whole.Positions, streamed.Positions);
        Assert.Equal(whole.Others, streamed.Others);
    }

    [Fact]
    public async Task APlanClosesTheFileItTookOverWhenDisposed()
    {
        using var folder = new TempFolder("deliberation-streaming-plan");
        SyntheticPolisExport.Write(folder.Path, 20, 5, null);
        var plan = Read(folder.Path, streamed: true, out var file);
        Assert.Null(await plan.DecideAsync(Guid.NewGuid(), DateTimeOffset.UnixEpoch, (_, _) => Task.CompletedTask));

        plan.Dispose();

        Assert.False(file.CanRead);
    }

    private static ImportPlan Read(string folder, bool streamed) => Read(folder, streamed, out _);

    private static ImportPlan Read(string folder, bool streamed, out Stream participantsVotes)
    {
        using var comments = File.OpenRead(Path.Combine(folder, PolisFiles.Comments));
        participantsVotes = File.OpenRead(Path.Combine(folder, PolisFiles.ParticipantsVotes));
        var conversation = PolisReader.Read(comments, participantsVotes, null, PolisImporter.Limits);
        if (streamed)
            return ImportPlan.Of(conversation, "Streamed", "Importer", participantsVotes, PolisImporter.Limits);
        participantsVotes.Dispose();
        return ImportPlan.Of(conversation, "Whole", "Importer");
    }

    /// <summary>
    /// What a plan decided, in Pol.is's own ids (each plan makes fresh ones of its own): every position in
    /// order as (participant, comment, kind), and how many events of each other type each stream got.
    /// </summary>
    private static async Task<(List<(string Participant, string Comment, PositionKind Kind)> Positions, List<string> Others)> DecidedAsync(ImportPlan plan)
    {
        using (plan)
        {
            var participantOf = plan.Members.OfType<AddMember>().ToDictionary(m => m.Member.ParticipantId, m => m.Member.ExternalId!);
            var commentOf = plan.Drafting.OfType<ProposeClause>().ToDictionary(c => c.ClauseId, c => c.ExternalId!);
            var positions = new List<(string, string, PositionKind)>();
            var others = new List<string>();
            var refused = await plan.DecideAsync(Guid.NewGuid(), DateTimeOffset.UnixEpoch, (stream, events) =>
            {
                foreach (var e in events)
                {
                    if (e is PositionTaken taken)
                        positions.Add((participantOf[taken.ParticipantId], commentOf[taken.ClauseId], taken.Position));
                    else
                        others.Add($"{stream.Split('-')[0]}:{e.GetType().Name}");
                }
                return Task.CompletedTask;
            });
            Assert.Null(refused);
            return (positions, others);
        }
    }
}
