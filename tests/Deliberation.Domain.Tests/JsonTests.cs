using System.Collections.Immutable;
using System.Text.Json;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Participants;
using Deliberation.Domain.Sessions;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>DomainJson: every event round-trips with its <c>type</c> discriminator, and so do states and commands.</summary>
public sealed class JsonTests
{
    private static readonly Lazy<Scenario> Story = new(Scenario.Run);

    private static readonly string[] EventTypeNames = [.. typeof(DomainEvent).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(DomainEvent))).Select(t => t.Name).Order()];

    public static TheoryData<string> EventTypes => new(EventTypeNames);

    [Fact]
    public void TheScenarioProducesEveryEventType() =>
        Assert.Equal(EventTypeNames, Story.Value.Events.Select(e => e.EventType).Distinct().Order());

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EventRoundTripsWithItsTypeDiscriminator(string type)
    {
        foreach (var e in Story.Value.Events.Where(e => e.EventType == type))
        {
            var json = DomainJson.Serialize<DomainEvent>(e);

            using (var document = JsonDocument.Parse(json))
            {
                var first = document.RootElement.EnumerateObject().First();
                Assert.Equal(("type", type), (first.Name, first.Value.GetString()));
                Assert.False(document.RootElement.TryGetProperty("eventType", out _));
            }
            var back = DomainJson.Deserialize<DomainEvent>(json);
            Assert.IsType(e.GetType(), back);
            Assert.Equal(json, DomainJson.Serialize(back));
        }
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EventPayloadRoundTripsWithTheTypeKeptApart(string type)
    {
        foreach (var e in Story.Value.Events.Where(e => e.EventType == type))
        {
            var payload = DomainJson.SerializeEventPayload(e);
            using (var document = JsonDocument.Parse(payload))
                Assert.False(document.RootElement.TryGetProperty("type", out _));
            var back = DomainJson.DeserializeEvent(type, payload);
            Assert.IsType(e.GetType(), back);
            Assert.Equal(DomainJson.Serialize<DomainEvent>(e), DomainJson.Serialize<DomainEvent>(back));
        }
    }

    [Fact]
    public void EventSerializesTheSameThroughItsAggregateBase()
    {
        foreach (var e in Story.Value.Events)
        {
            var viaBase = e switch
            {
                DialogueEvent d => DomainJson.Serialize(d),
                StatementEvent s => DomainJson.Serialize(s),
                ParticipantEvent p => DomainJson.Serialize(p),
                SessionEvent x => DomainJson.Serialize(x),
                _ => throw new InvalidOperationException(e.EventType),
            };
            Assert.Equal(DomainJson.Serialize<DomainEvent>(e), viaBase);
        }
    }

    [Fact]
    public void SimpleEventsAreEqualAfterTheRoundTrip()
    {
        var taken = new PositionTaken(Guid.NewGuid(), Guid.NewGuid(), "1.2", 3, PositionKind.StandAside, "With a reservation.");
        Assert.Equal(taken, DomainJson.Deserialize<StatementEvent>(DomainJson.Serialize<StatementEvent>(taken)));
    }

    [Fact]
    public void WireShapeIsCamelCaseWithEnumsAsNames()
    {
        var json = DomainJson.Serialize<StatementEvent>(new PositionTaken(Guid.Empty, Guid.Empty, null, 1, PositionKind.Block, null));
        Assert.Equal("{\"type\":\"PositionTaken\",\"participantId\":\"00000000-0000-0000-0000-000000000000\",\"clauseId\":\"00000000-0000-0000-0000-000000000000\",\"optionId\":null,\"revision\":1,\"position\":\"Block\",\"note\":null}", json);
    }

    [Fact]
    public void UnknownEventTypeIsAJsonError()
    {
        Assert.Throws<JsonException>(() => DomainJson.DeserializeEvent("PositionEaten", "{}"));
        Assert.ThrowsAny<JsonException>(() => DomainJson.Deserialize<DomainEvent>("{\"type\":\"PositionEaten\"}"));
    }

    [Fact]
    public void DialogueCreatedWithTheStandardRuleRoundTrips()
    {
        // The standard rule leaves its dimension list unset (every dimension counts).
        var created = Story.Value.Events.OfType<DialogueCreated>().Single();
        Assert.True(created.Rules.Default.Dimensions.IsDefault);
        var back = Assert.IsType<DialogueCreated>(DomainJson.Deserialize<DomainEvent>(DomainJson.Serialize<DomainEvent>(created)));
        Assert.True(back.Rules.Default.Counts(Sector));
        Assert.Equal(created.Rules.Default, back.Rules.Default with { Dimensions = created.Rules.Default.Dimensions });
    }

    [Fact]
    public void DialogueStateRoundTrips() => AssertRoundTrips(Story.Value.Dialogue);

    [Fact]
    public void StatementStateRoundTrips() => AssertRoundTrips(Story.Value.Statement);

    [Fact]
    public void ParticipantStateRoundTrips() => AssertRoundTrips(Story.Value.Participant);

    [Fact]
    public void ConsensusRoundTripsForEveryViewer()
    {
        var story = Story.Value;
        AssertRoundTrips(story.Consensus);
        foreach (var role in Enum.GetValues<Role>())
            AssertRoundTrips(ConsensusRedaction.ForViewer(story.Consensus, story.Dialogue, role));
    }

    [Fact]
    public void GroupFiguresTravelWithoutTheCountsTheyAreMadeOf()
    {
        // Counts is the six position counts beside it, summed: sent too, it was a third of every
        // group row pushed to every screen (docs/performance.md, "Session 20: what every screen is sent").
        var consensus = Story.Value.Consensus;
        var json = DomainJson.Serialize(consensus);
        var back = DomainJson.Deserialize<StatementConsensus>(json);

        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.GetProperty("clauses").EnumerateArray()
            .SelectMany(c => c.GetProperty("dimensions").EnumerateArray())
            .SelectMany(d => d.GetProperty("groups").EnumerateArray().Append(d.GetProperty("total")))
            .ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.False(row.TryGetProperty("counts", out _)));
        Assert.All(rows, row => Assert.True(row.TryGetProperty("support", out _)));
        Assert.Equal(
            consensus.Clauses.SelectMany(c => c.Dimensions).SelectMany(d => d.Groups.Append(d.Total)).Select(g => g.Counts),
            back.Clauses.SelectMany(c => c.Dimensions).SelectMany(d => d.Groups.Append(d.Total)).Select(g => g.Counts));
        Assert.Contains(back.Clauses.SelectMany(c => c.Dimensions).SelectMany(d => d.Groups), g => g.Counts.Responded > 0);
    }

    [Fact]
    public void AReleaseStoredWithItsCountsSpelledOutStillReads()
    {
        // Releases stored before the counts left the wire carry them; the stored text is what their
        // hashes commit to, so it is read as it is, never rewritten.
        var release = Story.Value.Events.OfType<FiguresReleased>().First();
        var payload = System.Text.Json.Nodes.JsonNode.Parse(DomainJson.SerializeEventPayload(release))!;
        var rows = payload["clauses"]!.AsArray().SelectMany(c => c!["figures"]!["dimensions"]!.AsArray())
            .SelectMany(d => d!["groups"]!.AsArray().Append(d["total"])).ToList();
        foreach (var row in rows)
            row!["counts"] = new System.Text.Json.Nodes.JsonObject { ["support"] = 99, ["responded"] = 99 };

        var read = (FiguresReleased)DomainJson.DeserializeEvent(nameof(FiguresReleased), payload.ToJsonString());

        Assert.NotEmpty(rows);
        Assert.Equal(DomainJson.SerializeEventPayload(release), DomainJson.SerializeEventPayload(read));
    }

    [Fact]
    public void StoredEventsReplayToTheSameStates()
    {
        var story = Story.Value;
        var dialogue = Dialogue.Replay(story.Dialogue.Id, story.DialogueHistory.Select(h => (Through(h.Event), h.Meta)));
        var statement = Statement.Replay(story.Statement.Id, story.StatementHistory.Select(h => (Through(h.Event), h.Meta)));

        Assert.Equal(DomainJson.Serialize(story.Dialogue), DomainJson.Serialize(dialogue));
        Assert.Equal(DomainJson.Serialize(story.Statement), DomainJson.Serialize(statement));
    }

    [Fact]
    public void CommandsRoundTripWithTheirTypeDiscriminator()
    {
        DialogueCommand[] dialogueCommands =
        [
            new CreateDialogue(Guid.NewGuid(), new DialogueSettings("Title"), StandardDimensions, null, "Name", null),
            new SetPhase(Phase.Drafting),
            new RaiseHand(),
            new AddMember(new Member(Guid.NewGuid(), "Name", null, Role.Delegate, ImmutableDictionary<string, string>.Empty.Add(Region, China))),
        ];
        StatementCommand[] statementCommands =
        [
            new TakePosition(Guid.NewGuid(), 2, PositionKind.Accept, "note", "1.1"),
            new StateRange(Guid.NewGuid(), 1, 10, 33.5),
            new RecordImportedPositions([new ImportedPosition(Guid.NewGuid(), Guid.NewGuid(), PositionKind.Oppose)]),
            new FreezeStatement(),
            new FreezeStatement(new HistoryHeads(new StreamHead("dialogue-1", 4, new string('a', 64)), new StreamHead("statement-2", 9, new string('b', 64)))),
        ];
        foreach (var command in dialogueCommands)
        {
            var json = DomainJson.Serialize(command);
            Assert.StartsWith($"{{\"type\":\"{command.GetType().Name}\"", json);
            Assert.Equal(json, DomainJson.Serialize(DomainJson.Deserialize<DialogueCommand>(json)));
        }
        foreach (var command in statementCommands)
        {
            var json = DomainJson.Serialize(command);
            Assert.StartsWith($"{{\"type\":\"{command.GetType().Name}\"", json);
            Assert.Equal(json, DomainJson.Serialize(DomainJson.Deserialize<StatementCommand>(json)));
        }
    }

    private static T Through<T>(T e) where T : DomainEvent => (T)DomainJson.Deserialize<DomainEvent>(DomainJson.Serialize<DomainEvent>(e));

    private static void AssertRoundTrips<T>(T value)
    {
        var json = DomainJson.Serialize(value);
        Assert.Equal(json, DomainJson.Serialize(DomainJson.Deserialize<T>(json)));
    }

    /// <summary>One dialogue that goes through every event type, through the deciders.</summary>
    private sealed record Scenario(
        IReadOnlyList<DomainEvent> Events,
        DialogueState Dialogue,
        StatementState Statement,
        ParticipantState Participant,
        StatementConsensus Consensus,
        IReadOnlyList<(DialogueEvent Event, EventMeta Meta)> DialogueHistory,
        IReadOnlyList<(StatementEvent Event, EventMeta Meta)> StatementHistory)
    {
        public static Scenario Run()
        {
            var rules = new ConsensusRules(ConsensusRule.Default, ImmutableDictionary<ClauseKind, ConsensusRule>.Empty);
            var b = new DialogueBuilder(rules);
            var c = b.Convener;
            var f = b.Facilitator;
            b.Must(new ChangeSettings(new DialogueSettings("IDAIS-Beijing", Track.Track1_5, "Beijing", new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 11), ["en", "zh"], ConfidentialityMode.ChathamHouse, 3, "人工智能安全")), c);
            b.Must(new DefineDimensions(StandardDimensions), c);
            var strict = new ConsensusRule(Threshold: 1.0, Dimensions: [Region]);
            b.Must(new ChangeConsensusRules(new ConsensusRules(ConsensusRule.Default, ImmutableDictionary<ClauseKind, ConsensusRule>.Empty.Add(ClauseKind.RedLine, strict))), c);
            var china = b.AddDelegates(3, China, Academia);
            var us = b.AddDelegates(2, UnitedStates, Industry);
            var rapporteur = b.AddMember(Role.Rapporteur);
            b.Must(new UpdateMember(b.Dialogue.Roster[us[1]] with { Affiliation = "Frontier lab" }), c);
            var leaving = b.AddMember();
            b.Must(new IssueInvite(leaving, new string('b', 64), b.Now.AddDays(3)), c);
            b.Must(new IssueInvite(us[0], new string('c', 64), b.Now.AddDays(3)), c);
            b.Must(new RevokeInvite(new string('c', 64)), c);
            b.Must(new RemoveMember(leaving), c);
            var item = new AgendaItem(b.NewId(), "Red lines", 45, b.StatementId, null);
            b.Must(new AddAgendaItem(item), f);
            b.Must(new AddAgendaItem(item with { Id = b.NewId(), Title = "Coffee" }), f);
            b.Must(new RemoveAgendaItem(b.Dialogue.Agenda[1].Id), f);
            var funding = new AgendaItem(b.NewId(), "Funding", 30, b.StatementId, null);
            b.Must(new AddAgendaItem(funding), f);
            b.Must(new ChangeAgendaItem(funding with { Minutes = 40 }), f);
            b.Must(new MoveAgendaItem(funding.Id, 0), f);
            b.Must(new SetCurrentAgendaItem(funding.Id), f);

            var redLine = b.Clause("Autonomous replication or improvement.", ClauseKind.RedLine);
            var floor = b.Clause("Spend [one third | 20%] of AI R&D on safety.", ClauseKind.FundingFloor);
            var dropped = b.Clause("A clause to drop.");
            b.Must(new WithdrawClause(dropped, "Duplicate"), f);
            b.Must(new SetFocus(b.StatementId, redLine), f);
            b.Must(new TranslateClause(redLine, "zh", 1, "自主复制或改进。"), rapporteur);
            b.Must(new TranslateOption(floor, "1.2", "zh", 1, "20%"), rapporteur);
            var glossary = new Languages.GlossaryTerm(b.NewId(), ImmutableDictionary<string, string>.Empty.Add("zh", "红线").Add("en", "red line"), "Agreed in Beijing.");
            b.Must(new PinGlossaryTerm(glossary), rapporteur);
            b.Must(new PinGlossaryTerm(glossary with { TermId = b.NewId() }), rapporteur);
            b.Must(new UnpinGlossaryTerm(glossary.TermId), rapporteur);
            b.InPhase(Phase.Deliberation);
            b.Must(new RaiseHand(), china[0]);
            b.Must(new RaiseHand(), us[0]);
            b.Must(new LowerHand(china[0]), f);
            b.Must(new StartTimer("Red lines", 600), f);
            b.Must(new StopTimer(), f);
            b.Take(china, redLine, PositionKind.Support);
            b.Take(us[0], redLine, PositionKind.Block, note: "Too vague.");
            b.Take(china[0], floor, PositionKind.Support, "1.1");
            b.Take(us[1], floor, PositionKind.Oppose, "1.2");
            b.Range(china[0], floor, 10, 33.5);
            b.Range(us[0], floor, 20, 20);
            var accepted = b.NewId();
            var declined = b.NewId();
            b.Must(new ProposeAmendment(accepted, redLine, 1, "Autonomous replication or self-improvement.", "Clearer"), us[0]);
            b.Must(new ProposeAmendment(declined, redLine, 1, "Replication.", null), us[1]);
            b.InPhase(Phase.Drafting);
            b.Must(new DecideAmendment(accepted, true, null), rapporteur);
            b.Must(new DecideAmendment(declined, false, "Too narrow."), rapporteur);
            b.Take(china[1], redLine, PositionKind.Accept);
            b.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom), f);
            var consensus = b.Consensus();
            b.Must(new ResolveAlternative(floor, "1.1"), f);
            b.InPhase(Phase.FinalReading);
            b.Must(b.Freeze(), f);
            b.InPhase(Phase.Signing);
            b.Must(new Sign("Tsinghua University", SignatureCapacity.Personal, b.Statement.Frozen!.Hash), china[0]);
            b.Must(new Sign(null, SignatureCapacity.Institutional, b.Statement.Frozen!.Hash), us[0]);
            b.Must(new WithdrawSignature("Institution objected."), us[0]);

            var participant = ParticipantState.Initial(china[0]);
            var participantEvents = new List<DomainEvent>();
            foreach (var command in new ParticipantCommand[] { new RegisterParticipant("Zhang", "Tsinghua"), new UpdateProfile("Zhang Ya-Qin", "Tsinghua University"), new JoinDialogue(b.DialogueId, Role.Delegate) })
            {
                var decision = Participants.Participant.Decide(participant, command);
                Assert.True(decision.IsAccepted, decision.Error?.ToString());
                foreach (var e in decision.Events)
                {
                    participant = Participants.Participant.Apply(participant, e, new EventMeta(participant.Version + 1, b.Now, china[0]));
                    participantEvents.Add(e);
                }
            }

            var sessions = DialogueSessionsState.Initial(b.DialogueId);
            var sessionEvents = new List<DomainEvent>();
            var founding = b.NewId();
            foreach (var command in new SessionCommand[] { new StartFoundingSession(founding), new EndSession(founding) })
            {
                var decision = DialogueSessions.Decide(sessions, command, b.Dialogue, c, b.Now);
                Assert.True(decision.IsAccepted, decision.Error?.ToString());
                foreach (var e in decision.Events)
                {
                    sessions = DialogueSessions.Apply(sessions, e, new EventMeta(sessions.Version + 1, b.Now, c));
                    sessionEvents.Add(e);
                }
            }

            var events = b.DialogueHistory.Select(h => (DomainEvent)h.Event).Concat(b.StatementHistory.Select(h => h.Event)).Concat(participantEvents).Concat(sessionEvents).ToList();
            return new Scenario(events, b.Dialogue, b.Statement, participant, consensus, b.DialogueHistory, b.StatementHistory);
        }
    }
}
