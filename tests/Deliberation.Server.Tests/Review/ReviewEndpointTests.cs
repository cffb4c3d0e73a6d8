using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Contracts.Json;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.Infrastructure.ConsensusJson;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests.Review;

/// <summary>
/// The review endpoints over HTTP (docs/api.md, "Review"): each answer's shape, scrubbing back to
/// before a substantive revision, comparing two moments, a clause's story, and each refusal.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReviewEndpointTests(ServerFixture fixture)
{
    private const string Before = "Frontier developers should publish a safety case.";
    private const string After = "Frontier developers must publish an audited safety case.";

    private ServerFactory Server => fixture.Server;

    /// <summary>A clause that reaches near consensus, is revised substantively, and is supported again.</summary>
    private async Task<(TestDialogue Dialogue, Guid Clause)> HistoryAsync(ConfidentialityMode mode = ConfidentialityMode.Attributed)
    {
        var dialogue = await CreateAsync(Server, mode);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, Before);
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        await TakeNearConsensusPositionsAsync(dialogue, clause);
        await dialogue.SetPhaseAsync(Facilitator, Phase.Drafting);
        await dialogue.AcceptAsync(Rapporteur, new ReviseClause(clause, 1, After, RevisionKind.Substantive, "Audits make the case checkable."));
        foreach (var who in new[] { "N1", "N2", "N3", "S1", "S3" })
            await dialogue.TakePositionAsync(who, clause, PositionKind.Support, revision: 2);
        return (dialogue, clause);
    }

    private static string Review(TestDialogue dialogue) => $"{dialogue.StatementUrl}/review";

    private static JsonArray Moments(JsonNode timeline) => timeline["moments"]!.AsArray();

    private static long MomentOf(JsonNode timeline, string kind) =>
        Moments(timeline).First(m => (string?)m!["kind"] == kind)!["moment"]!.GetValue<long>();

    [Fact]
    public async Task TheTimelineListsTheKeyMomentsInOrderWithTheirActorsAndTheHeads()
    {
        var (dialogue, clause) = await HistoryAsync();
        using var _ = dialogue;

        var timeline = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/timeline");

        var kinds = Moments(timeline).Select(m => (string)m!["kind"]!).ToList();
        foreach (var kind in new[] { "clause-added", "phase", "status", "revision-substantive" })
            Assert.Contains(kind, kinds);
        var moments = Moments(timeline).Select(m => m!["moment"]!.GetValue<long>()).ToList();
        Assert.Equal(moments.Order(), moments);
        var revision = Moments(timeline).Single(m => (string?)m!["kind"] == "revision-substantive")!;
        Assert.Equal(clause, revision["clauseId"]!.GetValue<Guid>());
        Assert.Equal("Audits make the case checkable.", (string?)revision["detail"]);
        Assert.Equal(Rapporteur, (string?)revision["actor"]);
        Assert.Contains(Moments(timeline), m => (string?)m!["kind"] == "phase" && (string?)m["actor"] == Facilitator);
        // A status change is never attributed: at a position it would name the voter.
        Assert.All(Moments(timeline).Where(m => (string?)m!["kind"] == "status"), m => Assert.Null(m!["actor"]));
        var heads = timeline["heads"]!.AsArray();
        Assert.Equal([$"dialogue-{dialogue.Id:N}", $"statement-{dialogue.StatementId:N}"], heads.Select(h => (string)h!["streamId"]!));
        Assert.Equal(await dialogue.StatementVersionAsync(), heads[1]!["version"]!.GetValue<long>());
        Assert.Equal(64, ((string)heads[1]!["hash"]!).Length);

        // Each moment's words also come as data, to be read in the reader's language; in English they are its summary.
        var read = Moments(timeline).Select(m => m.Deserialize<ReviewMoment>(WireJson.Options)!).ToList();
        Assert.All(read, m => Assert.Equal(m.Summary, MomentPhrases.Render(m.Phrase!, CultureInfo.InvariantCulture)));
        Assert.All(read, m => Assert.Equal(m.Detail, m.DetailPhrase is { } detail ? MomentPhrases.Render(detail, CultureInfo.InvariantCulture) : m.Detail));
        Assert.Contains(read, m => m.Kind == "status" && m.DetailPhrase is not null);
        Assert.Equal("第 1 条已修订（实质性），第 2 版", MomentPhrases.Render(read.Single(m => m.Kind == "revision-substantive").Phrase!, CultureInfo.GetCultureInfo("zh-Hans")));

        var filtered = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/timeline?clause={clause}&kind=status,revision-substantive");
        Assert.NotEmpty(Moments(filtered));
        Assert.All(Moments(filtered), m => Assert.Contains((string)m!["kind"]!, new[] { "status", "revision-substantive" }));
        Assert.All(Moments(filtered), m => Assert.Equal(clause, m!["clauseId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task ScrubbingBackBeforeASubstantiveRevisionShowsTheOldTextAndTheOldMatrix()
    {
        var (dialogue, clause) = await HistoryAsync();
        using var _ = dialogue;
        var timeline = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/timeline");
        var revised = MomentOf(timeline, "revision-substantive");
        var before = Moments(timeline).Last(m => m!["moment"]!.GetValue<long>() < revised)!["moment"]!.GetValue<long>();

        var then = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/at?moment={before}");
        var now = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/at");

        Assert.Equal(before, then["moment"]!.GetValue<long>());
        Assert.Equal("Drafting", (string?)then["phase"]);
        Assert.Equal(Before, (string?)then["clauses"]![0]!["text"]);
        Assert.Equal(1, then["clauses"]![0]!["revision"]!.GetValue<int>());
        Assert.Equal("NearConsensus", Status(Clause(then["consensus"]!, clause)));
        Assert.Equal(1, Group(Clause(then["consensus"]!, clause), "Region", "North")["support"]!.GetValue<int>());
        Assert.Equal(After, (string?)now["clauses"]![0]!["text"]);
        Assert.Equal(2, now["clauses"]![0]!["revision"]!.GetValue<int>());
        Assert.Equal("Agreed", (string?)now["clauses"]![0]!["status"]);
        Assert.Equal(3, Group(Clause(now["consensus"]!, clause), "Region", "North")["support"]!.GetValue<int>());
    }

    [Fact]
    public async Task ComparingTwoMomentsGivesAWordDiffAndTheCellsThatMoved()
    {
        var (dialogue, clause) = await HistoryAsync();
        using var _ = dialogue;
        var timeline = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/timeline");
        var first = MomentOf(timeline, "clause-added");
        var last = Moments(timeline)[^1]!["moment"]!.GetValue<long>();

        var comparison = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/compare?from={first}&to={last}");

        var c = comparison["clauses"]!.AsArray().Single()!;
        Assert.Equal((1, 2), (c["fromRevision"]!.GetValue<int>(), c["toRevision"]!.GetValue<int>()));
        Assert.True(c["changed"]!.GetValue<bool>());
        var segments = c["segments"]!.AsArray().Select(s => ((string)s!["kind"]!, (string)s["text"]!)).ToList();
        Assert.Contains(("removed", "should"), segments);
        Assert.Contains(segments, s => s.Item1 == "added" && s.Item2.Contains("audited", StringComparison.Ordinal));
        Assert.Equal(Before, string.Concat(segments.Where(s => s.Item1 != "added").Select(s => s.Item2)));
        Assert.Equal(After, string.Concat(segments.Where(s => s.Item1 != "removed").Select(s => s.Item2)));
        var north = comparison["cells"]!.AsArray().Single(x => (string?)x!["group"] == "North")!;
        Assert.Equal(clause, north["clauseId"]!.GetValue<Guid>());
        Assert.Equal(0, north["before"]!["support"]!.GetValue<int>());
        Assert.Equal(3, north["after"]!["support"]!.GetValue<int>());
    }

    [Fact]
    public async Task AClausesStoryHasItsStatusesRevisionsAndWhenEachGroupFirstMetTheRule()
    {
        var (dialogue, clause) = await HistoryAsync();
        using var _ = dialogue;

        var story = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/clauses/{clause}/story");

        var revisions = story["revisions"]!.AsArray();
        Assert.Equal(2, revisions.Count);
        Assert.Equal("Substantive", (string?)revisions[1]!["kind"]);
        Assert.Equal("Audits make the case checkable.", (string?)revisions[1]!["rationale"]);
        Assert.Contains(revisions[1]!["diff"]!.AsArray(), s => (string?)s!["kind"] == "removed");
        var clauseStatuses = story["points"]!.AsArray().Where(p => p!["group"] is null).Select(p => (string)p!["status"]!).ToList();
        Assert.Equal("Pending", clauseStatuses[0]);
        Assert.Contains("NearConsensus", clauseStatuses);
        Assert.Equal("Agreed", clauseStatuses[^1]);
        var firstMet = story["firstMet"]!.AsArray();
        Assert.Contains(firstMet, m => (string?)m!["group"] == "North" && (string?)m["dimension"] == "Region");
        // Industry needed one more when the clause stood at near consensus.
        Assert.Contains(story["needs"]!.AsArray(), n => n!["needs"]!.AsArray().Any(g => (string?)g!["group"] == "Industry" && g["needed"]!.GetValue<int>() == 1));
    }

    [Fact]
    public async Task BadQuestionsAreRefusedWithTheirRule()
    {
        var (dialogue, clause) = await HistoryAsync();
        using var _ = dialogue;
        var url = Review(dialogue);
        var timeline = await dialogue.Convener.GetJsonAsync($"{url}/timeline");
        var (first, last) = (Moments(timeline)[0]!["moment"]!.GetValue<long>(), Moments(timeline)[^1]!["moment"]!.GetValue<long>());

        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"{url}/at?moment={last + 1_000_000}"), HttpStatusCode.NotFound, "review.unknown-moment");
        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"{url}/compare?from={last}&to={first}"), HttpStatusCode.BadRequest, "review.compare-order");
        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"{url}/compare?from={first}&to={last + 1_000_000}"), HttpStatusCode.NotFound, "review.unknown-moment");
        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"{url}/timeline?kind=status,gossip"), HttpStatusCode.BadRequest, "review.unknown-kind");
        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"{url}/clauses/{Guid.NewGuid()}/story"), HttpStatusCode.NotFound, "review.unknown-clause");
        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"{dialogue.Url}/statements/{Guid.NewGuid()}/review/timeline"), HttpStatusCode.NotFound, "statement.not-found");
        Assert.Equal(clause, (await dialogue.Convener.GetJsonAsync($"{url}/clauses/{clause}/story"))["clauseId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task TheReviewFollowsEventsStoredAfterItWasFirstRead()
    {
        var (dialogue, clause) = await HistoryAsync();
        using var _ = dialogue;
        var before = Moments(await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/timeline")).Count;

        await dialogue.AcceptAsync(Rapporteur, new ReviseClause(clause, 2, After + " Yearly.", RevisionKind.Editorial, null));

        var timeline = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/timeline");
        Assert.Equal(before + 1, Moments(timeline).Count);
        Assert.Equal("revision-editorial", (string?)Moments(timeline)[^1]!["kind"]);
        Assert.Equal(After + " Yearly.", (string?)(await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/at"))["clauses"]![0]!["text"]);
    }

    [Fact]
    public async Task TheHistoryReportInHtmlAndPdfHasTheClauseTextTheTimelineAndTheHeads()
    {
        var (dialogue, _) = await HistoryAsync();
        using var _ = dialogue;
        var timeline = await dialogue.Convener.GetJsonAsync($"{Review(dialogue)}/timeline");
        var heads = timeline["heads"]!.AsArray().Select(h => $"{h!["streamId"]} {h["version"]} {h["hash"]}").ToList();

        var html = await (await dialogue.Convener.GetAsync($"{Review(dialogue)}/report?format=html")).Content.ReadAsStringAsync();
        Assert.Contains("audited safety case", html, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode((string)timeline["moments"]![0]!["summary"]!), html, StringComparison.Ordinal);
        Assert.All(heads, h => Assert.Contains(h, html, StringComparison.Ordinal));
        Assert.Contains($"/api/dialogues/{dialogue.Id}/events?format=jsonl", html, StringComparison.Ordinal);

        var response = await dialogue.Convener.GetAsync($"{Review(dialogue)}/report?format=pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("audited safety case", text, StringComparison.Ordinal);
        Assert.Contains("revised (substantive)", text, StringComparison.Ordinal);
        Assert.All(heads, h => Assert.Contains(h.Split(' ')[2], text, StringComparison.Ordinal));

        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"{Review(dialogue)}/report?format=docx"), HttpStatusCode.BadRequest, "review.unknown-format");
    }
}
