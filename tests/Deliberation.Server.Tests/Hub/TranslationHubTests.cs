using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Deliberation.Contracts.Hub;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Hub;

/// <summary>
/// Translations and the glossary over the hub and the command API (issue 13): the drafters translate,
/// the room is pushed the translation like a revision, a source revision makes it stale, and every
/// bad translation is refused with its rule and stores nothing.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class TranslationHubTests(HubFixture fixture)
{
    private const string Rapporteur = "Rhea Rapporteur";
    private const string Chinese = "zh-Hans";
    private const string RedLineZh = "任何人工智能系统都不应在未经人类批准的情况下自我复制。";

    private async Task<(TestDialogue Dialogue, Guid Clause)> BilingualAsync()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new ChangeSettings(new DialogueSettings(
            "Bilingual dialogue", Languages: ["en", Chinese], Authenticity: Authenticity.EquallyAuthentic)));
        return (dialogue, clause);
    }

    private static JsonNode ClauseIn(JsonNode statement, Guid clauseId) =>
        statement["clauses"]!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == clauseId)!;

    [Fact]
    public async Task TheRapporteurTranslatesTheRoomIsToldAndARevisionOfTheSourceMakesItStale()
    {
        var (dialogue, clause) = await BilingualAsync();
        await using var rapporteur = await fixture.ConnectAsync(dialogue, Rapporteur);
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await rapporteur.JoinAsync(dialogue.Id);
        await n1.JoinAsync(dialogue.Id);

        var outcome = await rapporteur.InvokeAsync("TranslateClause", new TranslateClauseRequest(dialogue.Id, dialogue.StatementId, clause, Chinese, 1, RedLineZh));

        Assert.True(outcome.Accepted, outcome.Error?.Message);
        var pushed = await n1.WaitForAsync(c => c.EventOfType("ClauseTranslated"), what: "the translation");
        Assert.Equal((RedLineZh, 1, 1), (pushed["text"]!.GetValue<string>(), pushed["number"]!.GetValue<int>(), pushed["sourceRevision"]!.GetValue<int>()));
        var current = ClauseIn(await dialogue["N1"].GetJsonAsync(dialogue.StatementUrl), clause)["translations"]![Chinese]!;
        Assert.Equal("Current", current["status"]!.GetValue<string>());

        await dialogue.SetPhaseAsync("Fran Facilitator", Phase.Drafting);
        await dialogue.AcceptAsync(Rapporteur, new ReviseClause(clause, 1, "No AI system should copy or improve itself without human approval.", RevisionKind.Substantive, null));

        var stale = ClauseIn(await dialogue["N1"].GetJsonAsync(dialogue.StatementUrl), clause)["translations"]![Chinese]!;
        Assert.Equal("Stale", stale["status"]!.GetValue<string>());
        Assert.Equal(RedLineZh, stale["text"]!.GetValue<string>());
        Assert.Equal("No AI system should copy itself without human approval.", stale["sourceTextThen"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadTranslationsAreRefusedWithTheirRulesAndStoreNothing()
    {
        var (dialogue, clause) = await BilingualAsync();
        await using var rapporteur = await fixture.ConnectAsync(dialogue, Rapporteur);
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        var before = await dialogue.StatementVersionAsync();

        TranslateClauseRequest Request(string language = Chinese, int revision = 1, string text = RedLineZh) =>
            new(dialogue.Id, dialogue.StatementId, clause, language, revision, text);
        var cases = new (HubClient Who, TranslateClauseRequest Request, string Rule)[]
        {
            (n1, Request(), "role.not-translator"),
            (rapporteur, Request(language: "fr"), "translation.unknown-language"),
            (rapporteur, Request(language: "en"), "translation.source-language"),
            (rapporteur, Request(text: " "), "text.required"),
            (rapporteur, Request(revision: 2), "revision.unknown"),
        };
        foreach (var (who, request, rule) in cases)
            Assert.Equal(rule, (await who.InvokeAsync("TranslateClause", request)).Error?.Rule);
        var option = await rapporteur.InvokeAsync("TranslateOption", new TranslateOptionRequest(dialogue.Id, dialogue.StatementId, clause, "1.1", Chinese, 1, "至少"));
        Assert.Equal("alternative.not-found", option.Error?.Rule);

        Assert.Equal(before, await dialogue.StatementVersionAsync());
    }

    [Fact]
    public async Task TranslatingAnOlderSourceRevisionIsAConflictOverHttp()
    {
        var (dialogue, clause) = await BilingualAsync();
        await dialogue.SetPhaseAsync("Fran Facilitator", Phase.Drafting);
        await dialogue.AcceptAsync(Rapporteur, new ReviseClause(clause, 1, "No AI system should copy or improve itself without human approval.", RevisionKind.Substantive, null));

        var response = await dialogue.SendAsync(Rapporteur, new TranslateClause(clause, Chinese, 1, RedLineZh));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("translation.stale-source", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(ClauseIn(await dialogue.Convener.GetJsonAsync(dialogue.StatementUrl), clause)["translations"]!.AsObject());
    }

    [Fact]
    public async Task FreezingWaitsForEveryAuthenticText()
    {
        var (dialogue, clause) = await BilingualAsync();
        await dialogue.SetPhaseAsync("Fran Facilitator", Phase.Drafting);
        await dialogue.SetPhaseAsync("Fran Facilitator", Phase.FinalReading);

        var refused = await dialogue.SendAsync("Fran Facilitator", new FreezeStatement());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("freeze.stale-translation", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await dialogue.AcceptAsync(Rapporteur, new TranslateClause(clause, Chinese, 1, RedLineZh));
        await dialogue.AcceptAsync("Fran Facilitator", new FreezeStatement());
        var frozen = (await dialogue.Convener.GetJsonAsync(dialogue.StatementUrl))["frozen"]!["canonicalText"]!.GetValue<string>();
        Assert.Contains("Language: zh-Hans\n\n1. " + RedLineZh, frozen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRapporteurPinsAGlossaryTermADelegateCannot()
    {
        var (dialogue, _) = await BilingualAsync();
        await using var rapporteur = await fixture.ConnectAsync(dialogue, Rapporteur);
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await n1.JoinAsync(dialogue.Id);
        var term = new GlossaryTerm(Guid.NewGuid(), ImmutableDictionary<string, string>.Empty.Add(Chinese, "安全").Add("en", "security"), "Security here, not safety.");

        Assert.Equal("role.not-translator", (await n1.InvokeAsync("PinGlossaryTerm", new PinGlossaryTermRequest(dialogue.Id, term))).Error?.Rule);
        var outcome = await rapporteur.InvokeAsync("PinGlossaryTerm", new PinGlossaryTermRequest(dialogue.Id, term));

        Assert.True(outcome.Accepted, outcome.Error?.Message);
        await n1.WaitForAsync(c => c.EventOfType("GlossaryTermPinned"), what: "the pinned term");
        var glossary = (await dialogue["N1"].GetJsonAsync(dialogue.Url))["glossary"]!.AsArray();
        Assert.Equal("security", Assert.Single(glossary)!["renderings"]!["en"]!.GetValue<string>());

        Assert.True((await rapporteur.InvokeAsync("UnpinGlossaryTerm", new UnpinGlossaryTermRequest(dialogue.Id, term.TermId))).Accepted);
        Assert.Equal("glossary.term-not-found", (await rapporteur.InvokeAsync("UnpinGlossaryTerm", new UnpinGlossaryTermRequest(dialogue.Id, term.TermId))).Error?.Rule);
        Assert.Empty((await dialogue["N1"].GetJsonAsync(dialogue.Url))["glossary"]!.AsArray());
    }
}
