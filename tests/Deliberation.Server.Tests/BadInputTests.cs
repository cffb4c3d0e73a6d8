using System.Net;
using System.Text;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests;

/// <summary>
/// docs/domain.md, Bad input: every bad request is answered with its status and the rule it broke, and changes
/// nothing — checked against the events log and stream versions, or the whole store.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture fixture)
{
    private ServerFactory Server => fixture.Server;

    [Fact]
    public async Task UnknownDialogueIsNotFoundAndCommandsToItCreateNothing()
    {
        using var dialogue = await CreateAsync(Server);
        var unknown = Guid.NewGuid();
        var before = await StoreCounts.OfAsync(Server);

        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"/api/dialogues/{unknown}"), HttpStatusCode.NotFound, "dialogue.not-found");
        await Expect.RefusedAsync(await dialogue.Convener.CommandAsync(unknown, new RaiseHand()), HttpStatusCode.NotFound, "dialogue.not-found");
        await Expect.RefusedAsync(await dialogue.Convener.PostAsync($"/api/dialogues/{unknown}/members", new { displayName = "X", role = Role.Delegate }), HttpStatusCode.NotFound, "dialogue.not-found");
        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"/api/dialogues/{unknown}/events"), HttpStatusCode.NotFound, "dialogue.not-found");
        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"{dialogue.Url}/statements/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "statement.not-found");
        await Expect.RefusedAsync(await dialogue.Convener.CommandAsync(dialogue.Id, Guid.NewGuid(), new FreezeStatement()), HttpStatusCode.NotFound, "statement.not-found");

        Assert.Equal(before, await StoreCounts.OfAsync(Server));
    }

    [Fact]
    public async Task PositionOnAnUnknownClauseIsNotFound()
    {
        using var dialogue = await CreateAsync(Server);
        await dialogue.ProposeClauseAsync(Rapporteur, "A clause.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);

        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync("N1", new TakePosition(Guid.NewGuid(), 1, PositionKind.Support)),
            HttpStatusCode.NotFound, "clause.not-found");
    }

    [Fact]
    public async Task MemberInAnUnknownGroupOrDimensionIsNotFound()
    {
        using var dialogue = await CreateAsync(Server);
        var rosterBefore = (await dialogue.Convener.GetJsonAsync(dialogue.Url))["roster"]!.AsArray().Count;

        await RefusedWithoutChangeAsync(dialogue, () => dialogue.Convener.PostAsync($"{dialogue.Url}/members", new
        {
            displayName = "Nobody",
            role = Role.Delegate,
            groups = new Dictionary<string, string> { ["Region"] = "Atlantis" },
        }), HttpStatusCode.NotFound, "group.not-found");
        await RefusedWithoutChangeAsync(dialogue, () => dialogue.Convener.PostAsync($"{dialogue.Url}/members", new
        {
            displayName = "Nobody",
            role = Role.Delegate,
            groups = new Dictionary<string, string> { ["Planet"] = "Mars" },
        }), HttpStatusCode.NotFound, "dimension.not-found");

        Assert.Equal(rosterBefore, (await dialogue.Convener.GetJsonAsync(dialogue.Url))["roster"]!.AsArray().Count);
    }

    [Fact]
    public async Task ObserverCannotTakeAPosition()
    {
        using var dialogue = await CreateAsync(Server);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "A clause.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);

        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync(Observer, new TakePosition(clause, 1, PositionKind.Support)),
            HttpStatusCode.Forbidden, "role.observer");
        // Nor may a rapporteur, who drafts but does not vote.
        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync(Rapporteur, new TakePosition(clause, 1, PositionKind.Support)),
            HttpStatusCode.Forbidden, "role.cannot-take-positions");
    }

    [Fact]
    public async Task DelegateCannotDraftOrMoveThePhase()
    {
        using var dialogue = await CreateAsync(Server);
        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync("N1", new ProposeClause(Guid.NewGuid(), ClauseKind.Other, "Mine.")),
            HttpStatusCode.Forbidden, "role.not-rapporteur");
        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync("N1", new SetPhase(Phase.Deliberation)),
            HttpStatusCode.Forbidden, "role.not-facilitator");
    }

    [Fact]
    public async Task PositionOutsideTheAllowedPhasesIsAConflict()
    {
        using var dialogue = await CreateAsync(Server);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "A clause.");

        // Setup: text is prepared, nobody takes positions yet.
        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync("N1", new TakePosition(clause, 1, PositionKind.Support)),
            HttpStatusCode.Conflict, "phase.not-allowed");
        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync("N1", new StateRange(clause, 1, 10, 20)),
            HttpStatusCode.BadRequest, "range.not-a-parameter");
    }

    [Fact]
    public async Task RevisionOnAStaleBaseIsAConflict()
    {
        using var dialogue = await CreateAsync(Server);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "First text.");
        await dialogue.AcceptAsync(Rapporteur, new ReviseClause(clause, 1, "Second text.", RevisionKind.Substantive, null));

        await RefusedWithoutChangeAsync(dialogue,
            () => dialogue.SendAsync(TestDialogue.ConvenerName, new ReviseClause(clause, 1, "A concurrent edit.", RevisionKind.Substantive, null)),
            HttpStatusCode.Conflict, "revision.stale-base");

        var current = (await dialogue.Convener.GetJsonAsync(dialogue.StatementUrl))["clauses"]![0]!;
        Assert.Equal(("Second text.", 2), (current["text"]!.GetValue<string>(), current["revision"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ClauseTextOverFourThousandCharactersIsTooLong()
    {
        using var dialogue = await CreateAsync(Server);
        await RefusedWithoutChangeAsync(dialogue,
            () => dialogue.SendAsync(Rapporteur, new ProposeClause(Guid.NewGuid(), ClauseKind.Other, new string('x', Limits.ClauseTextLength + 1))),
            HttpStatusCode.BadRequest, "text.too-long");
        // The limit itself is allowed.
        await dialogue.ProposeClauseAsync(Rapporteur, new string('x', Limits.ClauseTextLength));
    }

    [Fact]
    public async Task RangeReversedOrOutsideZeroToHundredIsRefused()
    {
        using var dialogue = await CreateAsync(Server);
        var floor = await dialogue.ProposeClauseAsync(Rapporteur, "At least a third of R&D on safety.", ClauseKind.FundingFloor);
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);

        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync("N1", new StateRange(floor, 1, 30, 20)), HttpStatusCode.BadRequest, "range.reversed");
        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync("N1", new StateRange(floor, 1, 90, 100.5)), HttpStatusCode.BadRequest, "range.out-of-bounds");
        await RefusedWithoutChangeAsync(dialogue, () => dialogue.SendAsync("N1", new StateRange(floor, 1, -1, 10)), HttpStatusCode.BadRequest, "range.out-of-bounds");
        await dialogue.AcceptAsync("N1", new StateRange(floor, 1, 0, 100));
    }

    [Theory]
    [InlineData("""{"type":"TakePosition","clauseId":""")]
    [InlineData("""not json at all""")]
    [InlineData("""{"type":"NoSuchCommand"}""")]
    [InlineData("""{"type":"TakePosition","clauseId":"not-a-guid","revision":1,"position":"Support"}""")]
    [InlineData("""{"type":"TakePosition","clauseId":"6f9619ff-8b86-d011-b42d-00c04fc964ff","revision":1,"position":"Maybe"}""")]
    public async Task MalformedJsonBodyIsABadRequestWithAProblemBody(string body)
    {
        using var dialogue = await CreateAsync(Server);
        await dialogue.ProposeClauseAsync(Rapporteur, "A clause.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        var before = await SnapshotAsync(dialogue);

        var response = await dialogue["N1"].PostRawAsync($"{dialogue.StatementUrl}/commands", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Expect.AssertProblem(response, problem, 400);
        Assert.Equal(before, await SnapshotAsync(dialogue));
    }

    [Fact]
    public async Task NotSignedInIsUnauthorized()
    {
        using var dialogue = await CreateAsync(Server);
        using var anonymous = Server.NewClient();
        var before = await SnapshotAsync(dialogue);

        await Expect.RefusedAsync(await anonymous.GetAsync(dialogue.Url), HttpStatusCode.Unauthorized, "auth.required");
        await Expect.RefusedAsync(await anonymous.GetAsync($"{dialogue.Url}/events"), HttpStatusCode.Unauthorized, "auth.required");
        await Expect.RefusedAsync(await anonymous.GetAsync($"{dialogue.StatementUrl}/consensus"), HttpStatusCode.Unauthorized, "auth.required");
        await Expect.RefusedAsync(await anonymous.CommandAsync(dialogue.Id, new RaiseHand()), HttpStatusCode.Unauthorized, "auth.required");
        await Expect.RefusedAsync(await anonymous.PostAsync($"{dialogue.Url}/members", new { displayName = "Intruder", role = Role.Facilitator }), HttpStatusCode.Unauthorized, "auth.required");
        await Expect.RefusedAsync(await anonymous.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.required");

        Assert.Equal(before, await SnapshotAsync(dialogue));
    }

    [Fact]
    public async Task MemberOfAnotherDialogueIsForbidden()
    {
        using var mine = await CreateAsync(Server);
        using var theirs = await CreateAsync(Server);
        await Expect.RefusedAsync(await mine["N1"].GetAsync(theirs.Url), HttpStatusCode.Forbidden, "dialogue.not-a-member");
        await RefusedWithoutChangeAsync(theirs, () => mine["N1"].CommandAsync(theirs.Id, new RaiseHand()), HttpStatusCode.Forbidden, "dialogue.not-a-member");
    }

    private const string Comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,0,1,0,1,First\n2,x,1,0,0,1,1,Second\n";
    private const string ParticipantsVotes = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n0,0,1,2,1,1,1,-1\n1,1,1,1,1,0,1,\n";

    public static TheoryData<string, string, string> MalformedExports => new()
    {
        // An unterminated quote.
        { Comments + "3,x,2,0,0,0,1,\"never closed\n", ParticipantsVotes, "polis.malformed-csv" },
        // A record with more fields than the header.
        { Comments, ParticipantsVotes + "2,1,0,0,0,0,1,1,1\n", "polis.malformed-csv" },
        { "comment-id,comment-body\n0,First\n", ParticipantsVotes, "polis.missing-column" },
        { Comments, "participant,group-id,0,1\n0,0,2,1\n", "polis.bad-value" },
        { Comments, "participant,group-id,0,1,7\n0,0,1,1,1\n", "polis.unknown-comment" },
        { Comments, "participant,group-id,0,1\n0,0,1,1\n0,1,1,1\n", "polis.duplicate-participant" },
        { "", ParticipantsVotes, "polis.malformed-csv" },
    };

    [Theory]
    [MemberData(nameof(MalformedExports))]
    public async Task MalformedPolisCsvIsRefusedWithItsRuleAndImportsNothing(string comments, string participantsVotes, string rule)
    {
        using var client = await Server.NewOrganiserClientAsync();
        var before = await StoreCounts.OfAsync(Server);

        var response = await client.Http.PostAsync("/api/imports/polis", PolisUpload.Of(comments, participantsVotes));

        await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, rule);
        Assert.Equal(before, await StoreCounts.OfAsync(Server));
    }

    [Fact]
    public async Task PolisExportTheDomainRefusesImportsNothingAtAll()
    {
        using var client = await Server.NewOrganiserClientAsync();
        var before = await StoreCounts.OfAsync(Server);
        // Well-formed CSV, but a comment with a control character: the reader takes it, the domain does not,
        // and it is the last thing an import would meet — after the dialogue, roster and statement.
        var comments = Comments + "3,x,2,0,0,0,1,Bell\u0007\n";

        // The domain judges as the job writes (docs/api.md, "Pol.is imports"): the job fails with the rule,
        // and what it had staged is gone.
        var job = await PolisImportJob.StartAsync(client, PolisUpload.Of(comments, ParticipantsVotes));
        var view = await PolisImportJob.FollowAsync(client, job, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", view["state"]!.GetValue<string>());
        Assert.Equal("text.control-characters", view["error"]!["rule"]!.GetValue<string>());
        Assert.Null(view["result"]);
        Assert.Equal(before, await StoreCounts.OfAsync(Server));
    }

    [Fact]
    public async Task PolisImportWithoutItsFilesOrNotAsAFormIsRefused()
    {
        using var client = await Server.NewOrganiserClientAsync();
        var before = await StoreCounts.OfAsync(Server);

        var onlyComments = new MultipartFormDataContent { { new StringContent(Comments), "comments.csv", "comments.csv" } };
        await Expect.RefusedAsync(await client.Http.PostAsync("/api/imports/polis", onlyComments), HttpStatusCode.BadRequest, "polis.missing-file");
        await Expect.RefusedAsync(await client.PostRawAsync("/api/imports/polis", "{}"), HttpStatusCode.BadRequest, "polis.not-multipart");
        // A vote log that disagrees with participants-votes.csv.
        var votes = "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,-1\n";
        await Expect.RefusedAsync(await client.Http.PostAsync("/api/imports/polis", PolisUpload.Of(Comments, ParticipantsVotes, votes)),
            HttpStatusCode.BadRequest, "polis.votes-mismatch");

        Assert.Equal(before, await StoreCounts.OfAsync(Server));
    }

    [Fact]
    public async Task PolisCsvOverThirtyTwoMebibytesIsTooLarge()
    {
        using var client = await Server.NewOrganiserClientAsync();
        var before = await StoreCounts.OfAsync(Server);

        var response = await client.Http.PostAsync("/api/imports/polis",
            PolisUpload.Of(PolisUpload.Utf8(Comments), OversizedParticipantsVotes(), null));

        var problem = await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, "polis.too-large");
        Assert.Contains("participants-votes.csv", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await StoreCounts.OfAsync(Server));
    }

    /// <summary>
    /// A well-formed participants-votes.csv just over 32 MiB: each row is valid, padded by an extra
    /// column (extra columns are allowed), so only the byte limit can refuse it.
    /// </summary>
    public static MemoryStream OversizedParticipantsVotes()
    {
        const long size = 32L * 1024 * 1024 + 64 * 1024;
        var padding = new string('p', 4000);
        var text = new StringBuilder("participant,group-id,0,padding\n", (int)size + 8192);
        for (var id = 0; text.Length < size; id++)
            text.Append(id).Append(",0,1,").Append(padding).Append('\n');
        return PolisUpload.Utf8(text.ToString());
    }

    private static async Task<(int Events, long Dialogue, long Statement)> SnapshotAsync(TestDialogue dialogue)
    {
        var (events, _) = await dialogue.EventsAsync();
        return (events.Count, await dialogue.DialogueVersionAsync(), await dialogue.StatementVersionAsync());
    }

    private static async Task RefusedWithoutChangeAsync(TestDialogue dialogue, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string rule)
    {
        var before = await SnapshotAsync(dialogue);
        await Expect.RefusedAsync(await send(), status, rule);
        Assert.Equal(before, await SnapshotAsync(dialogue));
    }
}
