using System.Net;
using System.Text;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests;

/// <summary>
/// Pol.is upload limits through Kestrel, which the in-process test server does not have: the limit
/// is 32 MiB per file (three files per import), so a file under it must reach the CSV reader.
/// </summary>
[Collection(RealServerCollection.Name)]
public sealed class RealServerUploadTests(RealServerFixture fixture)
{
    private const string Comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,0,1,0,1,First\n";
    private const string ParticipantsVotes = "participant,group-id,0\n0,0,1\n";

    [Fact]
    public async Task CsvOverThirtyTwoMebibytesIsRefusedAsTooLargeByTheImporter()
    {
        using var client = await fixture.Server.NewOrganiserClientAsync();
        var response = await client.Http.PostAsync("/api/imports/polis",
            PolisUpload.Of(PolisUpload.Utf8(Comments), BadInputTests.OversizedParticipantsVotes()));
        await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, "polis.too-large");
    }

    [Fact]
    public async Task CsvUnderThirtyTwoMebibytesReachesTheReader()
    {
        // 31 MiB of valid vote rows (padded by an extra column), then one bad vote: the reader must see it.
        var padding = new string('p', 4000);
        var votes = new StringBuilder("timestamp,datetime,comment-id,voter-id,vote,padding\n");
        while (votes.Length < 31 * 1024 * 1024)
            votes.Append("1,x,0,0,1,").Append(padding).Append('\n');
        votes.Append("2,x,0,0,7,\n");

        using var client = await fixture.Server.NewOrganiserClientAsync();
        var response = await client.Http.PostAsync("/api/imports/polis",
            PolisUpload.Of(PolisUpload.Utf8(Comments), PolisUpload.Utf8(ParticipantsVotes), PolisUpload.Utf8(votes.ToString())));
        await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, "polis.bad-value");
    }
}
