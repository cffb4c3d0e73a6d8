using System.Globalization;
using System.Net;
using CsvHelper;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests;

/// <summary>
/// docs/security.md, "Disclosure control": the Pol.is export of an Anonymous dialogue numbers its
/// voters 1..n in a fresh random order. Played as the facilitator who exports the votes and knows the
/// roster: numbers handed out in the roster's order would give every delegate's position back.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PolisExportAnonymityTests(ServerFixture fixture)
{
    private const string Chair = "Chair";
    private const int Delegates = 12;

    [Fact]
    public async Task TheFacilitator_CannotMapExportNumbersToDelegatesByTheRostersOrder()
    {
        var seats = Enumerable.Range(1, Delegates).Select(i => new Seat($"D{i}", Role.Delegate)).Prepend(new Seat(Chair, Role.Facilitator)).ToArray();
        using var dialogue = await TestDialogue.CreateAsync(fixture.Server, ConfidentialityMode.Anonymous, [], seats);
        var clause = await dialogue.ProposeClauseAsync(Chair, "A clause every delegate answers.");
        await dialogue.SetPhaseAsync(Chair, Phase.Deliberation);
        // Four agree, four disagree, four pass: a random numbering matches them all by chance about once in 35,000 times.
        PositionKind[] kinds = [PositionKind.Support, PositionKind.Oppose, PositionKind.StandAside];
        var truth = new Dictionary<Guid, int>();
        for (var i = 1; i <= Delegates; i++)
        {
            var kind = kinds[(i - 1) % kinds.Length];
            await dialogue.TakePositionAsync($"D{i}", clause, kind);
            truth[dialogue.IdOf($"D{i}")] = kind switch { PositionKind.Support => 1, PositionKind.Oppose => -1, _ => 0 };
        }

        var export = await ExportedVotesAsync(dialogue);
        // Fetched again at the same version (as the three files are, one by one), the numbering agrees.
        Assert.Equal(export.OrderBy(v => v.Key), (await ExportedVotesAsync(dialogue)).OrderBy(v => v.Key));

        // The attacker: the roster's participant ids in order, matched to the export's numbers in order.
        var rosterOrder = truth.Keys.Order().ToArray();
        Assert.Equal(Enumerable.Range(1, Delegates), export.Keys.Order());
        var guessed = export.OrderBy(v => v.Key).Select((v, i) => truth[rosterOrder[i]] == v.Value).Count(right => right);
        Assert.True(guessed < Delegates, "The export's numbering follows the roster: every position is recovered.");
        // The export still holds every vote, only not whose it is.
        Assert.Equal(truth.Values.Order(), export.Values.Order());
    }

    /// <summary>participants-votes.csv as the facilitator downloads it: voter number → vote on the one comment.</summary>
    private static async Task<Dictionary<int, int>> ExportedVotesAsync(TestDialogue dialogue)
    {
        var response = await dialogue[Chair].GetAsync($"{dialogue.Url}/export/polis?file=participants-votes.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var comment = csv.HeaderRecord!.Last();
        var votes = new Dictionary<int, int>();
        while (csv.Read())
            votes[int.Parse(csv.GetField("participant")!, CultureInfo.InvariantCulture)] = int.Parse(csv.GetField(comment)!, CultureInfo.InvariantCulture);
        return votes;
    }
}
