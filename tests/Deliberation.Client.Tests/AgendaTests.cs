using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Contracts.Json;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Client.Tests;

/// <summary>
/// The agenda in the UI (issue 11: it existed in the API only): the setup page's editor, the chair's
/// "Next item" in the console, and the current item with its time as the room and the projector show it.
/// </summary>
public sealed class AgendaTests : ComponentTest
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid DialogueId = Guid.NewGuid();
    private static readonly Guid StatementId = Guid.NewGuid();
    private static readonly MemberView Chair = new(Guid.NewGuid(), "Fran", null, Role.Facilitator, ImmutableDictionary<string, string>.Empty);
    private static readonly AgendaItem Opening = new(Guid.NewGuid(), "Opening", 10, null, null);
    private static readonly AgendaItem RedLines = new(Guid.NewGuid(), "Red lines", 20, null, null);
    private static readonly AgendaItem Funding = new(Guid.NewGuid(), "Funding", 30, null, null);

    private readonly FakeTimeProvider clock = new(Nine);
    private readonly StubServer server = new();

    public AgendaTests()
    {
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton(new DeliberationApi(new HttpClient(server) { BaseAddress = new Uri("http://localhost/") }));
    }

    private static DialogueView Dialogue(ImmutableList<AgendaItem> agenda, CurrentAgendaItem? current = null, ImmutableList<StatementRef>? statements = null) =>
        new(DialogueId, 3, new DialogueSettings("Beijing"), Phase.Deliberation, [], ConsensusRules.Standard, [Chair], agenda, null, [], null,
            statements ?? [], Chair)
        { CurrentAgendaItem = current };

    private IRenderedComponent<AgendaEditor> Editor(DialogueView dialogue, Action? changed = null) =>
        Render<AgendaEditor>(p => p
            .Add(x => x.DialogueId, DialogueId)
            .Add(x => x.Dialogue, dialogue)
            .Add(x => x.OnChanged, () => changed?.Invoke()));

    [Fact]
    public void AddingAnItemSendsItsTitleAndMinutes()
    {
        var changed = 0;
        var cut = Editor(Dialogue([]), () => changed++);
        Assert.NotNull(cut.Find("[data-testid='agenda-none']"));

        cut.Find("[data-testid='agenda-title']").Input("  Red lines ");
        cut.Find("[data-testid='agenda-minutes']").Input("20");
        cut.Find("[data-testid='agenda-form']").Submit();

        var sent = Assert.Single(server.Commands);
        Assert.Equal("AddAgendaItem", (string?)sent["type"]);
        Assert.Equal("Red lines", (string?)sent["item"]!["title"]);
        Assert.Equal(20, (int?)sent["item"]!["minutes"]);
        Assert.Equal(1, changed);
        Assert.Equal("", cut.Find("[data-testid='agenda-title']").GetAttribute("value"));
    }

    [Theory]
    [InlineData("", "20", "Give the item a title.")]
    [InlineData("   ", "20", "Give the item a title.")]
    [InlineData("Red lines", "0", "An item takes from 1 to 480 minutes.")]
    [InlineData("Red lines", "481", "An item takes from 1 to 480 minutes.")]
    [InlineData("Red lines", "", "An item takes from 1 to 480 minutes.")]
    public void AnItemWithoutATitleOrWithinOneToFourHundredEightyMinutesIsRefusedWithAReason(string title, string minutes, string reason)
    {
        var cut = Editor(Dialogue([]));

        cut.Find("[data-testid='agenda-title']").Input(title);
        cut.Find("[data-testid='agenda-minutes']").Input(minutes);
        cut.Find("[data-testid='agenda-form']").Submit();

        Assert.Equal(reason, cut.Find("[data-testid='agenda-error']").TextContent);
        Assert.Empty(server.Commands);
    }

    [Fact]
    public void AnOverLongTitleIsCountedAndRefusedNotCut()
    {
        var cut = Editor(Dialogue([]));
        var box = cut.Find("[data-testid='agenda-title']");
        Assert.False(box.HasAttribute("maxlength"));

        box.Input(new string('x', Limits.TitleLength + 5));

        Assert.Contains("205 / 200", cut.Find("[data-testid='agenda-title-length']").TextContent);
        Assert.NotNull(cut.Find("[data-testid='agenda-title-length-over']"));
        Assert.True(cut.Find("[data-testid='agenda-save']").HasAttribute("disabled"));
    }

    [Fact]
    public void TheAgendaListsItsItemsWithTheirMinutesAndTotal()
    {
        var cut = Editor(Dialogue([Opening, RedLines, Funding]));

        Assert.Contains("Opening · 10 min", cut.Find("[data-testid='agenda-item-1']").TextContent);
        Assert.Contains("Funding · 30 min", cut.Find("[data-testid='agenda-item-3']").TextContent);
        Assert.Equal("3 items · 60 min in all", cut.Find("[data-testid='agenda-total']").TextContent);
        Assert.True(cut.Find("[data-testid='agenda-up-1']").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid='agenda-down-3']").HasAttribute("disabled"));
    }

    [Fact]
    public void ReorderingAndRemovingSendTheirCommands()
    {
        var cut = Editor(Dialogue([Opening, RedLines, Funding]));

        cut.Find("[data-testid='agenda-down-1']").Click();
        cut.Find("[data-testid='agenda-up-3']").Click();
        cut.Find("[data-testid='agenda-remove-2']").Click();

        Assert.Equal(3, server.Commands.Count);
        Assert.Equal(("MoveAgendaItem", Opening.Id, 1), ((string?)server.Commands[0]["type"], (Guid)server.Commands[0]["itemId"]!, (int)server.Commands[0]["position"]!));
        Assert.Equal(("MoveAgendaItem", Funding.Id, 1), ((string?)server.Commands[1]["type"], (Guid)server.Commands[1]["itemId"]!, (int)server.Commands[1]["position"]!));
        Assert.Equal(("RemoveAgendaItem", RedLines.Id), ((string?)server.Commands[2]["type"], (Guid)server.Commands[2]["itemId"]!));
    }

    [Fact]
    public void EditingAnItemChangesItInItsPlace()
    {
        var cut = Editor(Dialogue([Opening, RedLines]));

        cut.Find("[data-testid='agenda-edit-2']").Click();
        Assert.Equal("Red lines", cut.Find("[data-testid='agenda-title']").GetAttribute("value"));
        cut.Find("[data-testid='agenda-minutes']").Input("45");
        cut.Find("[data-testid='agenda-form']").Submit();

        var sent = Assert.Single(server.Commands);
        Assert.Equal("ChangeAgendaItem", (string?)sent["type"]);
        Assert.Equal(RedLines.Id, (Guid)sent["item"]!["id"]!);
        Assert.Equal(45, (int?)sent["item"]!["minutes"]);
    }

    [Fact]
    public void TheServersRefusalIsShownBesideTheForm()
    {
        server.Refusal = ("agenda.too-long", "An agenda holds at most 100 items.");
        var cut = Editor(Dialogue([]));

        cut.Find("[data-testid='agenda-title']").Input("One more");
        cut.Find("[data-testid='agenda-form']").Submit();

        Assert.Equal("An agenda holds at most 100 items.", cut.Find("[data-testid='agenda-error']").TextContent);
    }

    [Fact]
    public void AnItemCanCoverAClauseOfAStatement()
    {
        var clause = new ClauseView(Guid.NewGuid(), ClauseKind.RedLine, null, 1, 1, "No autonomous replication.", false, [], null, [],
            null, ImmutableDictionary<string, Position>.Empty, null, false);
        server.Statement = new StatementView(StatementId, DialogueId, "Joint statement", 4, null, [clause], [], []);
        var cut = Editor(Dialogue([], statements: [new StatementRef(StatementId, "Joint statement")]));

        cut.Find("[data-testid='agenda-title']").Input("Red lines");
        cut.Find("[data-testid='agenda-statement']").Change(StatementId.ToString());
        cut.WaitForElement("[data-testid='agenda-clause']");
        Assert.Contains("Clause 1: No autonomous replication.", cut.Find("[data-testid='agenda-clause']").TextContent);
        cut.Find("[data-testid='agenda-clause']").Change(clause.Id.ToString());
        cut.Find("[data-testid='agenda-form']").Submit();

        var item = Assert.Single(server.Commands)["item"]!;
        Assert.Equal((StatementId, clause.Id), ((Guid)item["statementId"]!, (Guid)item["clauseId"]!));
    }

    [Fact]
    public void BeforeTheMeetingTheConsoleOffersTheFirstItem()
    {
        Guid? taken = Guid.Empty;
        var cut = Render<FacilitatorConsole>(p => p
            .Add(x => x.Dialogue, Dialogue([Opening, RedLines]))
            .Add(x => x.OnSetAgendaItem, (Guid? id) => taken = id));

        Assert.Empty(cut.FindAll("[data-testid='agenda-now']"));
        var start = cut.Find("[data-testid='agenda-next']");
        Assert.Contains("Start with “Opening”", start.TextContent);
        start.Click();
        Assert.Equal(Opening.Id, taken);
    }

    [Fact]
    public void TheConsoleShowsTheCurrentItemItsTimeAndTheNextItem()
    {
        Guid? taken = Guid.Empty;
        var cut = Render<FacilitatorConsole>(p => p
            .Add(x => x.Dialogue, Dialogue([Opening, RedLines, Funding], new CurrentAgendaItem(RedLines.Id, Nine.AddMinutes(-12))))
            .Add(x => x.OnSetAgendaItem, (Guid? id) => taken = id));

        Assert.Equal("Now: 2 of 3 · Red lines · 20 min", cut.Find(".agenda-now-item").TextContent);
        Assert.Equal("12 of 20 min", cut.Find("[data-testid='agenda-elapsed']").TextContent);
        var next = cut.Find("[data-testid='agenda-next']");
        Assert.Contains("Next item: “Funding”", next.TextContent);
        next.Click();
        Assert.Equal(Funding.Id, taken);
    }

    [Fact]
    public void OnTheLastItemTheConsoleEndsTheAgenda()
    {
        Guid? taken = Guid.Empty;
        var cut = Render<FacilitatorConsole>(p => p
            .Add(x => x.Dialogue, Dialogue([Opening, RedLines], new CurrentAgendaItem(RedLines.Id, Nine)))
            .Add(x => x.OnSetAgendaItem, (Guid? id) => taken = id));

        Assert.Empty(cut.FindAll("[data-testid='agenda-next']"));
        cut.Find("[data-testid='agenda-end']").Click();
        Assert.Null(taken);
    }

    [Fact]
    public void AnItemPastItsMinutesSaysItIsTimeToMoveOnAndTheClockTurns()
    {
        var cut = Render<AgendaNow>(p => p
            .Add(x => x.Agenda, [Opening, RedLines])
            .Add(x => x.Current, new CurrentAgendaItem(Opening.Id, Nine.AddMinutes(-9)))
            .Add(x => x.Large, true));
        Assert.Equal("9 of 10 min", cut.Find("[data-testid='agenda-elapsed']").TextContent);

        clock.Advance(TimeSpan.FromMinutes(3));

        cut.WaitForAssertion(() => Assert.Equal("12 of 10 min: time to move on", cut.Find("[data-testid='agenda-elapsed']").TextContent));
        Assert.Contains("agenda-over", cut.Find("[data-testid='agenda-now']").ClassName);
    }

    [Fact]
    public void WithNoCurrentItemNothingIsShown()
    {
        var cut = Render<AgendaNow>(p => p.Add(x => x.Agenda, [Opening]).Add(x => x.Current, null));
        Assert.Empty(cut.FindAll("[data-testid='agenda-now']"));
    }

    /// <summary>Answers the API as the server would: records each command, serves one statement, or refuses.</summary>
    private sealed class StubServer : HttpMessageHandler
    {
        public List<JsonNode> Commands { get; } = [];

        public StatementView? Statement { get; set; }

        public (string Rule, string Message)? Refusal { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && Statement is not null)
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(Statement, options: WireJson.Options) };
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
