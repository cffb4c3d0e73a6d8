using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests;

/// <summary>
/// docs/api.md: a Pol.is export imported over HTTP gives, for every comment, the consensus endpoint's
/// <c>gac</c> equal to Pol.is's group-informed consensus — checked against
/// <see cref="ReferenceGroupInformedConsensus"/>, which reads participants-votes.csv on its own.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PolisImportTests(ServerFixture fixture)
{
    private const double Tolerance = 1e-9;

    private ServerFactory Server => fixture.Server;

    [Theory]
    [MemberData(nameof(PolisExports.Conversations), MemberType = typeof(PolisExports))]
    public async Task ImportedConversationHasPolisGroupInformedConsensusForEveryComment(string conversation)
    {
        using var importer = await Server.NewOrganiserClientAsync();
        var reference = ReferenceGroupInformedConsensus.Compute(PolisExports.File(conversation, "participants-votes.csv"));

        var imported = await ImportAsync(importer, PolisUpload.FromFolder(PolisExports.Folder(conversation)));

        var comments = CommentIds(File.ReadAllText(PolisExports.File(conversation, "comments.csv")));
        Assert.Equal(comments.Count, imported["clauses"]!.GetValue<int>());
        var gac = await GacByCommentAsync(importer, imported);
        Assert.Equal(comments.Order(), gac.Keys.Order());
        AssertSameGac(reference, gac, Groups(conversation));
    }

    [Theory]
    [MemberData(nameof(PolisExports.Conversations), MemberType = typeof(PolisExports))]
    public async Task ExportedCsvsReimportToTheSameGroupInformedConsensus(string conversation)
    {
        using var importer = await Server.NewOrganiserClientAsync();
        var reference = ReferenceGroupInformedConsensus.Compute(PolisExports.File(conversation, "participants-votes.csv"));
        var first = await ImportAsync(importer, PolisUpload.FromFolder(PolisExports.Folder(conversation)));
        var exportUrl = $"/api/dialogues/{first["dialogueId"]}/export/polis";

        var files = new Dictionary<string, byte[]>();
        foreach (var name in new[] { "comments.csv", "participants-votes.csv", "votes.csv" })
        {
            var response = await importer.GetAsync($"{exportUrl}?file={name}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            files[name] = await response.Content.ReadAsByteArrayAsync();
        }
        // The exported participants-votes.csv is itself a Pol.is export with the same GAC.
        AssertSameGac(reference, ReferenceGroupInformedConsensus.FromCsvText(Encoding.UTF8.GetString(files["participants-votes.csv"])), Groups(conversation));

        using var reimporter = await Server.NewOrganiserClientAsync();
        var second = await ImportAsync(reimporter, PolisUpload.Of(
            new MemoryStream(files["comments.csv"]), new MemoryStream(files["participants-votes.csv"]), new MemoryStream(files["votes.csv"])));
        AssertSameGac(reference, await GacByCommentAsync(reimporter, second), Groups(conversation));

        // Without ?file= the three come as one zip.
        var zip = await importer.GetAsync(exportUrl);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Equal(["comments.csv", "participants-votes.csv", "votes.csv"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NewerFormatExportWithExtraColumnsImports()
    {
        const string conversation = "scoop-hivemind.ubi";
        var reference = ReferenceGroupInformedConsensus.Compute(PolisExports.File(conversation, "participants-votes.csv"));
        // Newer Pol.is exports add is-seed, is-meta and group-informed-consensus, and put columns in another order.
        var comments = AddColumns(File.ReadAllText(PolisExports.File(conversation, "comments.csv")), row => new()
        {
            ["is-seed"] = row["author-id"] == "0" ? "true" : "false",
            ["is-meta"] = "false",
            ["group-informed-consensus"] = reference.TryGetValue(int.Parse(row["comment-id"], CultureInfo.InvariantCulture), out var g)
                ? g.ToString("R", CultureInfo.InvariantCulture) : "",
        });
        var participants = AddColumns(File.ReadAllText(PolisExports.File(conversation, "participants-votes.csv")), _ => new() { ["xid"] = "" });

        using var importer = await Server.NewOrganiserClientAsync();
        var imported = await ImportAsync(importer, PolisUpload.Of(
            PolisUpload.Utf8(comments), PolisUpload.Utf8(participants), File.OpenRead(PolisExports.File(conversation, "votes.csv"))));

        AssertSameGac(reference, await GacByCommentAsync(importer, imported), Groups(conversation));
    }

    [Fact]
    public async Task SmallGroupsFoldForEveryoneAndTheGacComesFromTheRowsShown()
    {
        // Group 0 has four voters, group 1 one and group 2 two: under k = 3, so 1 and 2 fold into "Other groups".
        const string comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
            + "1,x,0,0,5,1,1,Everyone agrees but one\n2,x,1,0,1,3,-1,Rejected by the moderator\n";
        const string participants = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n"
            + "0,0,0,2,1,1,1,-1\n1,0,0,2,1,1,1,-1\n2,0,0,2,1,0,1,0\n3,0,0,1,1,0,1,\n4,1,0,2,1,1,-1,1\n5,2,0,1,1,0,1,\n6,,0,1,1,0,,-1\n7,2,0,1,0,1,-1,\n";
        var reference = ReferenceGroupInformedConsensus.FromCsvText(participants);

        using var importer = await Server.NewOrganiserClientAsync();
        var imported = await ImportAsync(importer, PolisUpload.Of(comments, participants));
        var consensus = await ConsensusAsync(importer, imported);

        foreach (var clause in consensus["clauses"]!.AsArray())
        {
            var groups = clause!["dimensions"]![0]!["groups"]!.AsArray();
            Assert.Equal(["0", "Other groups"], groups.Select(g => g!["group"]!.GetValue<string>()));
            var shownProduct = groups.Aggregate(1.0, (p, g) =>
                p * (g!["support"]!.GetValue<int>() + g["accept"]!.GetValue<int>() + 1.0)
                  / (g["support"]!.GetValue<int>() + g["accept"]!.GetValue<int>() + g["standAside"]!.GetValue<int>() + g["oppose"]!.GetValue<int>() + g["block"]!.GetValue<int>() + 2.0));
            var commentId = int.Parse(clause["externalId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            // An Anonymous dialogue shows the organiser the room's figures too (docs/security.md, "Disclosure
            // control"): Pol.is's gac over the real groups would carry group 1's lone voter's factor.
            Assert.Equal(shownProduct, clause["gac"]!.GetValue<double>(), Tolerance);
            Assert.NotEqual(reference[commentId], shownProduct, Tolerance);
        }
        // The import's one release (trigger Import) holds exactly these figures: what the room sees.
        var events = (await importer.GetJsonAsync($"/api/dialogues/{imported["dialogueId"]}/events?after=0"))["events"]!.AsArray();
        var release = Assert.Single(events, e => e!["type"]!.GetValue<string>() == "FiguresReleased")!;
        Assert.Equal("Import", release["trigger"]!.GetValue<string>());
        var released = release["clauses"]!.AsArray().ToDictionary(c => c!["clauseId"]!.GetValue<string>(), c => c!["figures"]!["gac"]!.GetValue<double>());
        foreach (var clause in consensus["clauses"]!.AsArray())
            Assert.Equal(clause!["gac"]!.GetValue<double>(), released[clause["clauseId"]!.GetValue<string>()], Tolerance);
        // The rejected comment keeps its votes and its id, withdrawn.
        var rejected = consensus["clauses"]!.AsArray().Single(c => c!["externalId"]!.GetValue<string>() == "1")!;
        Assert.Equal("Withdrawn", rejected["status"]!.GetValue<string>());
    }

    private static Task<JsonNode> ImportAsync(ApiClient client, MultipartFormDataContent form) => PolisImportJob.ImportAsync(client, form);

    private static async Task<JsonNode> ConsensusAsync(ApiClient client, JsonNode imported) =>
        await client.GetJsonAsync($"/api/dialogues/{imported["dialogueId"]}/statements/{imported["statementId"]}/consensus");

    private static async Task<Dictionary<int, double>> GacByCommentAsync(ApiClient client, JsonNode imported) =>
        (await ConsensusAsync(client, imported))["clauses"]!.AsArray()
            .Where(c => c!["optionId"] is null)
            .ToDictionary(c => int.Parse(c!["externalId"]!.GetValue<string>(), CultureInfo.InvariantCulture), c => c!["gac"]!.GetValue<double>());

    /// <summary>
    /// Every comment the reference knows (each comment column) has the same GAC. A comment nobody
    /// voted on has no column; Pol.is's formula gives it (0 + 1) / (0 + 2) per group.
    /// </summary>
    private static void AssertSameGac(IReadOnlyDictionary<int, double> reference, IReadOnlyDictionary<int, double> actual, int groups)
    {
        Assert.NotEmpty(reference);
        var wrong = reference.Where(r => !actual.TryGetValue(r.Key, out var a) || Math.Abs(a - r.Value) > Tolerance)
            .Select(r => $"comment {r.Key}: expected {r.Value:R}, got {(actual.TryGetValue(r.Key, out var a) ? a.ToString("R", CultureInfo.InvariantCulture) : "none")}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(10)));
        foreach (var (_, gac) in actual.Where(a => !reference.ContainsKey(a.Key)))
            Assert.Equal(Math.Pow(0.5, groups), gac, Tolerance);
    }

    /// <summary>Pol.is's opinion groups of a conversation: the distinct non-blank group ids.</summary>
    private static int Groups(string conversation)
    {
        using var csv = new CsvReader(new StreamReader(PolisExports.File(conversation, "participants-votes.csv")), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            if (csv.GetField("group-id") is { Length: > 0 } group && group.Trim().Length > 0)
                groups.Add(group);
        }
        return groups.Count;
    }

    private static List<int> CommentIds(string commentsCsv)
    {
        using var csv = new CsvReader(new StringReader(commentsCsv), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var ids = new List<int>();
        while (csv.Read())
            ids.Add(csv.GetField<int>("comment-id"));
        return ids;
    }

    /// <summary>The CSV with extra columns, the new ones first and the old ones reversed, as a newer export might order them.</summary>
    private static string AddColumns(string csvText, Func<IReadOnlyDictionary<string, string>, Dictionary<string, string>> extra)
    {
        using var reader = new CsvReader(new StringReader(csvText), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var row = header.ToDictionary(h => h, h => reader.GetField(h)!);
            foreach (var (key, value) in extra(row))
                row[key] = value;
            rows.Add(row);
        }
        var columns = rows.Count == 0 ? header : [.. rows[0].Keys.Except(header), .. header.Reverse()];
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in columns)
                writer.WriteField(column);
            writer.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                    writer.WriteField(row[column]);
                writer.NextRecord();
            }
        }
        return text.ToString();
    }
}
