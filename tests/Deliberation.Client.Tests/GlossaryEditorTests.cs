using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Contracts.Json;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Client.Tests;

/// <summary>The glossary editor on the setup page: terms per language with their notes, pin, change and unpin; bad input is said, not sent.</summary>
public sealed class GlossaryEditorTests : ComponentTest
{
    private const string Chinese = "zh-Hans";
    private static readonly Guid DialogueId = Guid.NewGuid();
    private static readonly MemberView Chair = new(Guid.NewGuid(), "Fran", null, Role.Facilitator, ImmutableDictionary<string, string>.Empty);
    private static readonly GlossaryTerm Safety = new(Guid.NewGuid(), ImmutableDictionary<string, string>.Empty.Add("en", "safety").Add(Chinese, "安全"), "Not “security” in this dialogue.");

    private readonly CommandRecorder server = new();

    public GlossaryEditorTests() =>
        Services.AddSingleton(new DeliberationApi(new HttpClient(server) { BaseAddress = new Uri("http://localhost/") }));

    private static DialogueView Dialogue(ImmutableArray<GlossaryTerm> glossary, params string[] languages) =>
        new(DialogueId, 3, new DialogueSettings("Beijing", Languages: [.. languages]), Phase.Drafting, [], ConsensusRules.Standard, [Chair], [], null, [], null, [], Chair)
        { Glossary = glossary };

    private IRenderedComponent<GlossaryEditor> Editor(DialogueView dialogue, Action? changed = null) =>
        Render<GlossaryEditor>(p => p
            .Add(x => x.DialogueId, DialogueId)
            .Add(x => x.Dialogue, dialogue)
            .Add(x => x.OnChanged, () => changed?.Invoke()));

    [Fact]
    public void EachTermIsListedWithItsRenderingPerLanguageAndItsNote()
    {
        var cut = Editor(Dialogue([Safety], "en", Chinese));

        var row = cut.Find($"[data-testid='glossary-row-{Safety.TermId}']");
        Assert.Equal(["safety", "安全", "Not “security” in this dialogue.", "the whole dialogue"], row.QuerySelectorAll("td").Take(4).Select(c => c.TextContent.Trim()));
        Assert.Equal(Chinese, row.QuerySelectorAll("td")[1].GetAttribute("lang"));
        Assert.Equal(["English", "中文", "Note", "Applies to"], cut.FindAll("thead th").Take(4).Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public void PinningSendsTheRenderingsInEveryLanguageAndTheNote()
    {
        var changed = 0;
        var cut = Editor(Dialogue([], "en", Chinese), () => changed++);
        Assert.NotNull(cut.Find("[data-testid='glossary-none']"));

        cut.Find("[data-testid='glossary-rendering-en']").Input(" human approval ");
        cut.Find($"[data-testid='glossary-rendering-{Chinese}']").Input("人类批准");
        cut.Find("[data-testid='glossary-note']").Input("Approval by people, not by another system.");
        cut.Find("[data-testid='glossary-form']").Submit();

        var sent = Assert.Single(server.Commands);
        Assert.Equal("PinGlossaryTerm", (string?)sent["type"]);
        Assert.Equal("human approval", (string?)sent["term"]!["renderings"]!["en"]);
        Assert.Equal("人类批准", (string?)sent["term"]!["renderings"]![Chinese]);
        Assert.Equal("Approval by people, not by another system.", (string?)sent["term"]!["note"]);
        Assert.NotEqual(Guid.Empty, Guid.Parse((string)sent["term"]!["termId"]!));
        Assert.Equal(1, changed);
        Assert.Equal("", cut.Find("[data-testid='glossary-rendering-en']").GetAttribute("value") ?? "");
    }

    [Fact]
    public void ChangingATermKeepsItsIdAndUnpinningSendsIt()
    {
        var cut = Editor(Dialogue([Safety], "en", Chinese));

        cut.Find($"[data-testid='glossary-edit-{Safety.TermId}']").Click();
        Assert.Equal("安全", cut.Find($"[data-testid='glossary-rendering-{Chinese}']").GetAttribute("value"));
        cut.Find("[data-testid='glossary-rendering-en']").Input("AI safety");
        cut.Find("[data-testid='glossary-form']").Submit();
        cut.Find($"[data-testid='glossary-unpin-{Safety.TermId}']").Click();

        Assert.Equal(2, server.Commands.Count);
        Assert.Equal((Safety.TermId.ToString(), "AI safety"), ((string?)server.Commands[0]["term"]!["termId"], (string?)server.Commands[0]["term"]!["renderings"]!["en"]));
        Assert.Equal(("UnpinGlossaryTerm", Safety.TermId.ToString()), ((string?)server.Commands[1]["type"], (string?)server.Commands[1]["termId"]));
    }

    [Fact]
    public void ATermInOneLanguageOnlyIsRefusedWithAReasonAndNotSent()
    {
        var cut = Editor(Dialogue([], "en", Chinese));

        cut.Find("[data-testid='glossary-rendering-en']").Input("safety");
        cut.Find("[data-testid='glossary-form']").Submit();

        Assert.Equal("Give the term's agreed rendering in at least two working languages.", cut.Find("[data-testid='glossary-error']").TextContent);
        Assert.Empty(server.Commands);
    }

    [Fact]
    public void TheServersRefusalIsShownBesideTheForm()
    {
        server.Refusal = ("glossary.too-many", "A glossary holds at most 200 terms.");
        var cut = Editor(Dialogue([], "en", Chinese));

        cut.Find("[data-testid='glossary-rendering-en']").Input("safety");
        cut.Find($"[data-testid='glossary-rendering-{Chinese}']").Input("安全");
        cut.Find("[data-testid='glossary-form']").Submit();

        Assert.Equal("A glossary holds at most 200 terms.", cut.Find("[data-testid='glossary-error']").TextContent);
    }

    [Fact]
    public void ADialogueInOneLanguageIsToldToAddASecondFirst()
    {
        var cut = Editor(Dialogue([], "en"));

        Assert.NotNull(cut.Find("[data-testid='glossary-one-language']"));
        Assert.Empty(cut.FindAll("[data-testid='glossary-form']"));
    }

    /// <summary>Answers the command API as the server would: records each command, or refuses with a rule.</summary>
    private sealed class CommandRecorder : HttpMessageHandler
    {
        public List<JsonNode> Commands { get; } = [];

        public (string Rule, string Message)? Refusal { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Refusal is { } refusal)
                return new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = JsonContent.Create(new { error = new { rule = refusal.Rule, message = refusal.Message } }),
                };
            Commands.Add(JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(CommandOutcome.Ok("dialogue-x", Commands.Count), options: WireJson.Options) };
        }
    }
}
