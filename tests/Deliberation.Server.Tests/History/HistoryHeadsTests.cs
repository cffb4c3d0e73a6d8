using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests.History;

/// <summary>
/// docs/security.md, "Verifiable history": every export prints the heads of the dialogue's and the
/// statement's streams, and a frozen text binds them — the heads the server filled in, never a
/// caller's. Each head is checked against the log as the convener downloads it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HistoryHeadsTests(ServerFixture fixture)
{
    private ServerFactory Server => fixture.Server;

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("docx")]
    [InlineData("pdf")]
    [InlineData("json")]
    public async Task EveryExportPrintsTheCurrentHeadsOfBothStreamsUnderHistory(string format)
    {
        using var dialogue = await CreateAsync(Server);
        await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, "The parties keep a verifiable record.");
        var heads = await HeadsFromTheLogAsync(dialogue);

        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format={format}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();

        if (format == "json")
        {
            var exported = JsonNode.Parse(bytes)!["heads"]!.AsArray();
            Assert.Equal([heads.Dialogue, heads.Statement], exported.Select(h => new StreamHead(h!["streamId"]!.GetValue<string>(), h["version"]!.GetValue<long>(), h["hash"]!.GetValue<string>())));
            return;
        }
        var text = Squeezed(format switch
        {
            "docx" => DocxText(bytes),
            "pdf" => PdfText(bytes),
            _ => System.Text.Encoding.UTF8.GetString(bytes),
        });
        Assert.Contains("History", text);
        foreach (var head in heads.All())
        {
            Assert.Contains(Squeezed($"{head.StreamId} version {head.Version} hash {head.Hash}"), text);
            // The line that tells the reader how to check it names the head as the verifier takes it.
            Assert.Contains(Squeezed($"--head {head.ToArgument()}"), text);
        }
        Assert.Contains("src/Deliberation.Verify", text);
    }

    [Fact]
    public async Task FreezingBindsTheHeadsTheServerHadIntoTheFrozenText()
    {
        using var dialogue = await FrozenAsync();
        var (events, _) = await dialogue.EventsAsync();
        var frozenEvent = events.Single(e => e!["type"]!.GetValue<string>() == nameof(StatementFrozen))!;
        var frozenVersion = frozenEvent["version"]!.GetValue<long>();

        var frozen = (await dialogue.Convener.GetJsonAsync(dialogue.StatementUrl))["frozen"]!;
        var text = frozen["canonicalText"]!.GetValue<string>();
        var statementHead = HeadOf(events, StreamIds.Statement(dialogue.StatementId), frozenVersion - 1);
        // The dialogue's head is where it stood when the freeze was decided: the last dialogue event before it.
        var dialogueEvents = events.Where(e => e!["streamId"]!.GetValue<string>() == StreamIds.Dialogue(dialogue.Id)
            && e["logPosition"]!.GetValue<long>() < frozenEvent["logPosition"]!.GetValue<long>());
        var dialogueHead = HeadOf(events, StreamIds.Dialogue(dialogue.Id), dialogueEvents.Max(e => e!["version"]!.GetValue<long>()));

        Assert.EndsWith($"\n\nHistory\n{dialogueHead.ToLine()}\n{statementHead.ToLine()}", text);
        Assert.Equal(CanonicalText.Hash(text), frozen["hash"]!.GetValue<string>());
        Assert.Equal(statementHead.Hash, frozen["heads"]!["statement"]!["hash"]!.GetValue<string>());
        Assert.Equal(dialogueHead.Hash, frozen["heads"]!["dialogue"]!["hash"]!.GetValue<string>());
    }

    [Fact]
    public async Task HeadsSentByACallerAreRefusedAndNothingIsFrozen()
    {
        using var dialogue = await FrozenAsync(freeze: false);
        var versionBefore = await dialogue.StatementVersionAsync();
        var forged = new HistoryHeads(
            new StreamHead(StreamIds.Dialogue(dialogue.Id), await dialogue.DialogueVersionAsync(), new string('0', 64)),
            new StreamHead(StreamIds.Statement(dialogue.StatementId), versionBefore, new string('0', 64)));

        await Expect.RefusedAsync(await dialogue.SendAsync(TestDialogue.ConvenerName, new FreezeStatement(forged)), HttpStatusCode.BadRequest, "freeze.heads-by-server");

        Assert.Equal(versionBefore, await dialogue.StatementVersionAsync());
        Assert.Null((await dialogue.Convener.GetJsonAsync(dialogue.StatementUrl))["frozen"]);
    }

    private async Task<TestDialogue> FrozenAsync(bool freeze = true)
    {
        var dialogue = await CreateAsync(Server);
        await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, "The parties keep a verifiable record.");
        foreach (var phase in new[] { Phase.Deliberation, Phase.Drafting, Phase.FinalReading })
            await dialogue.SetPhaseAsync(TestDialogue.ConvenerName, phase);
        if (freeze)
            await dialogue.AcceptAsync(TestDialogue.ConvenerName, new FreezeStatement());
        return dialogue;
    }

    /// <summary>Each stream's last event in the log, as a head.</summary>
    private static async Task<HistoryHeads> HeadsFromTheLogAsync(TestDialogue dialogue)
    {
        var (events, _) = await dialogue.EventsAsync();
        StreamHead Last(string streamId) => HeadOf(events, streamId, events.Where(e => e!["streamId"]!.GetValue<string>() == streamId).Max(e => e!["version"]!.GetValue<long>()));
        return new HistoryHeads(Last(StreamIds.Dialogue(dialogue.Id)), Last(StreamIds.Statement(dialogue.StatementId)));
    }

    private static StreamHead HeadOf(JsonArray events, string streamId, long version)
    {
        var e = events.Single(e => e!["streamId"]!.GetValue<string>() == streamId && e["version"]!.GetValue<long>() == version)!;
        return new StreamHead(streamId, version, e["eventHash"]!.GetValue<string>());
    }

    private static string DocxText(byte[] bytes)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        return string.Join('\n', word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static string PdfText(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }

    /// <summary>Without whitespace: where a PDF or Word breaks a line is layout.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
