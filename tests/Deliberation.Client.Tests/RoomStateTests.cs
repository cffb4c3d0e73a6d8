using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Client.Api;
using Deliberation.Client.Room;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Tests;

/// <summary>The client's copy of the room, evolved by the events it receives with the domain's own Apply.</summary>
public sealed class RoomStateTests
{
    private static readonly Guid DialogueId = Guid.NewGuid();
    private static readonly Guid StatementId = Guid.NewGuid();
    private static readonly Guid ClauseId = Guid.NewGuid();
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly string DialogueStream = StreamIds.Dialogue(DialogueId);
    private static readonly string StatementStream = StreamIds.Statement(StatementId);

    private static RoomState Joined()
    {
        var me = new MemberView(Me, "Li Wei", null, Role.Delegate, ImmutableDictionary<string, string>.Empty.Add("Region", "China"));
        var dialogue = new DialogueView(DialogueId, 5, new DialogueSettings("Demo"), Phase.Deliberation, [new Dimension("Region", ["China"])],
            ConsensusRules.Standard, [me], [], null, [], null, [new StatementRef(StatementId, "Statement")], me);
        var clause = new ClauseView(ClauseId, ClauseKind.RedLine, null, 1, 1, "No autonomous replication.", false, [], null,
            [new RevisionView(1, "No autonomous replication.", DateTimeOffset.UnixEpoch, RevisionKind.Substantive, RevisionSource.Draft, null)],
            null, ImmutableDictionary<string, Position>.Empty, null, false);
        var statement = new StatementView(StatementId, DialogueId, "Statement", 7, null, [clause], [], []);
        var state = new RoomState(DialogueId);
        state.LoadSnapshot(new JoinSnapshot(dialogue, [statement], []), ImmutableDictionary<string, long>.Empty.Add(DialogueStream, 5).Add(StatementStream, 7));
        return state;
    }

    /// <summary>An event as the hub renders it: its fields plus type, version and occurredAt.</summary>
    private static JsonObject Event(DomainEvent e, long version, Guid? actor = null, bool redact = false)
    {
        var json = (JsonObject)JsonSerializer.SerializeToNode(e, e.GetType(), DomainJson.Options)!;
        json["type"] = e.GetType().Name;
        json["version"] = version;
        json["occurredAt"] = DateTimeOffset.UnixEpoch.AddMinutes(version);
        if (actor is { } a)
            json["actor"] = a.ToString();
        if (redact)
            json.Remove("participantId");
        return json;
    }

    [Fact]
    public void DialogueEventsAreAppliedWithTheDomainsApply()
    {
        var state = Joined();

        var outcome = state.Apply(DialogueStream, [Event(new PhaseChanged(Phase.Deliberation, Phase.Drafting), 6), Event(new HandRaised(Me), 7)]);

        Assert.False(outcome.Gap);
        Assert.Equal(Phase.Drafting, state.Dialogue!.Phase);
        Assert.Equal([Me], state.Dialogue.SpeakingQueue);
        Assert.Equal(7, state.VersionOf(DialogueStream));
    }

    [Fact]
    public void ATranslationHeldKeepsItsHistoryAndTurnsStaleWhenTheSourceIsRevisedSubstantively()
    {
        var state = Joined();

        state.Apply(StatementStream, [Event(new ClauseTranslated(ClauseId, "zh-Hans", 1, 1, "不得自主复制。"), 8)]);
        state.Apply(DialogueStream, [Event(new GlossaryTermPinned(new Domain.Languages.GlossaryTerm(Guid.NewGuid(),
            ImmutableDictionary<string, string>.Empty.Add("en", "replication").Add("zh-Hans", "复制"))), 6)]);
        Assert.Equal(TranslationStatus.Current, state.StatementOrNull(StatementId)!.Clauses[0].TranslationStatus("zh-Hans"));

        // The view goes back into a state to evolve: the translation and the glossary must survive the trip.
        state.Apply(StatementStream, [Event(new ClauseRevised(ClauseId, 2, 1, "No autonomous replication or improvement.", RevisionKind.Substantive, RevisionSource.Edit, null, null, null), 9)]);
        state.Apply(DialogueStream, [Event(new HandRaised(Me), 7)]);

        var translation = state.StatementOrNull(StatementId)!.Clauses[0].Translations["zh-Hans"];
        Assert.Equal((TranslationStatus.Stale, "不得自主复制。", "No autonomous replication."), (translation.Status, translation.Text, translation.SourceTextThen));
        Assert.Single(state.Dialogue!.Glossary);
    }

    [Fact]
    public void AnAgendaItemTakenUpReachesEveryScreenByThePush()
    {
        var state = Joined();
        var item = new AgendaItem(Guid.NewGuid(), "Red lines", 20, null, null);
        var startedAt = DateTimeOffset.UnixEpoch.AddHours(1);

        state.Apply(DialogueStream, [Event(new AgendaItemAdded(item), 6), Event(new CurrentAgendaItemSet(new CurrentAgendaItem(item.Id, startedAt)), 7)]);

        Assert.Equal([item], state.Dialogue!.Agenda);
        Assert.Equal(new CurrentAgendaItem(item.Id, startedAt), state.Dialogue.CurrentAgendaItem);
    }

    [Fact]
    public void AMissingVersionIsAGapAndStopsThere()
    {
        var state = Joined();

        var outcome = state.Apply(DialogueStream, [Event(new HandRaised(Me), 6), Event(new HandLowered(Me), 8)]);

        Assert.True(outcome.Gap);
        Assert.Equal(6, state.VersionOf(DialogueStream));
        Assert.Equal([Me], state.Dialogue!.SpeakingQueue);
    }

    [Fact]
    public void EventsAlreadyHeldAreSkipped()
    {
        var state = Joined();
        state.Apply(DialogueStream, [Event(new HandRaised(Me), 6)]);

        var outcome = state.Apply(DialogueStream, [Event(new HandRaised(Me), 6), Event(new HandLowered(Me), 7)]);

        Assert.False(outcome.Gap);
        Assert.Empty(state.Dialogue!.SpeakingQueue);
    }

    [Fact]
    public void HiddenPlaceholdersOnlyAdvanceTheVersion()
    {
        var state = Joined();

        var outcome = state.Apply(DialogueStream, [new JsonObject { ["type"] = "Hidden", ["version"] = 6 }, Event(new HandRaised(Me), 7)]);

        Assert.False(outcome.Gap);
        Assert.Equal(7, state.VersionOf(DialogueStream));
        Assert.Equal([Me], state.Dialogue!.SpeakingQueue);
    }

    [Fact]
    public void OpaqueEntriesWithTheirPlaceInTheChainOnlyAdvanceTheVersion()
    {
        var state = Joined();
        var opaque = new JsonObject
        {
            ["type"] = "Hidden", ["streamId"] = DialogueStream, ["version"] = 6, ["logPosition"] = 40,
            ["leaf"] = new string('a', 64), ["eventHash"] = new string('b', 64),
        };

        var outcome = state.Apply(DialogueStream, [opaque, Event(new HandRaised(Me), 7)]);

        Assert.False(outcome.Gap);
        Assert.False(outcome.NeedsRefetch);
        Assert.Equal(7, state.VersionOf(DialogueStream));
        Assert.Equal([Me], state.Dialogue!.SpeakingQueue);
    }

    [Fact]
    public void MyPositionIsKeptAndASubstantiveRevisionMakesItStale()
    {
        var state = Joined();

        state.Apply(StatementStream, [Event(new PositionTaken(Me, ClauseId, null, 1, PositionKind.Accept, "if reviewed"), 8, Me)]);
        Assert.Equal(PositionKind.Accept, state.StatementOrNull(StatementId)!.Clauses[0].MyPosition?.Kind);
        Assert.False(state.StatementOrNull(StatementId)!.Clauses[0].MyPositionIsStale);

        state.Apply(StatementStream, [Event(new ClauseRevised(ClauseId, 2, 1, "No autonomous replication or improvement.", RevisionKind.Substantive, RevisionSource.Edit, null, null, null), 9)]);

        var clause = state.StatementOrNull(StatementId)!.Clauses[0];
        Assert.Equal(2, clause.Revision);
        Assert.Equal("No autonomous replication or improvement.", clause.Text);
        Assert.True(clause.MyPositionIsStale);
        Assert.Equal(2, clause.Revisions.Length);
    }

    [Fact]
    public void APreviewDraftedOnARevisionTheClauseHasLeftIsNotShown()
    {
        var state = Joined();
        var drafter = Guid.NewGuid();
        state.Apply(StatementStream, [Event(new ClauseRevised(ClauseId, 2, 1, "No autonomous replication or improvement.", RevisionKind.Substantive, RevisionSource.Edit, null, null, null), 8, drafter)]);

        // The drafter's last keystrokes on revision 1 arrive after her commit of revision 2.
        state.SetPreview(new DraftPreviewView(DialogueId, StatementId, ClauseId, 1, "No autonomous replication or improvement.", drafter, DateTimeOffset.UnixEpoch));
        Assert.Null(state.PreviewOf(ClauseId));

        state.SetPreview(new DraftPreviewView(DialogueId, StatementId, ClauseId, 2, "No autonomous replication, improvement or escape.", drafter, DateTimeOffset.UnixEpoch));
        Assert.Equal(2, state.PreviewOf(ClauseId)?.BaseRevision);
    }

    [Fact]
    public void OthersRedactedPositionsChangeNothingIShow()
    {
        var state = Joined();

        var outcome = state.Apply(StatementStream, [Event(new PositionTaken(Other, ClauseId, null, 1, PositionKind.Block, null), 8, redact: true)]);

        Assert.False(outcome.NeedsRefetch);
        Assert.Null(state.StatementOrNull(StatementId)!.Clauses[0].MyPosition);
        Assert.Equal(8, state.VersionOf(StatementStream));
    }

    [Fact]
    public void ANewStatementIsBuiltFromItsEvents()
    {
        var state = Joined();
        var second = Guid.NewGuid();

        var added = state.Apply(DialogueStream, [Event(new StatementAdded(new StatementRef(second, "Chair's summary")), 6)]);
        state.Apply(StreamIds.Statement(second), [
            Event(new StatementCreated(second, DialogueId, "Chair's summary"), 1),
            Event(new ClauseAdded(Guid.NewGuid(), ClauseKind.Principle, "We met.", null, null, null, null), 2),
        ]);

        Assert.Equal([second], added.NewStatements.ToArray());
        Assert.Equal(["Statement", "Chair's summary"], state.Statements.Select(s => s.Title));
        Assert.Equal("We met.", state.StatementOrNull(second)!.Clauses.Single().Text);
    }

    [Fact]
    public void PushedFiguresReplaceOnlyTheClausesNamed()
    {
        var state = Joined();
        var other = Guid.NewGuid();
        state.ReplaceConsensus(Figures.Statement(Figures.Clause(ClauseId, ClauseStatus.Pending), Figures.Clause(other, ClauseStatus.Agreed)) with { StatementId = StatementId });

        state.MergeConsensus(new ConsensusUpdate(DialogueId, StatementId, 9, false, [Figures.Clause(ClauseId, ClauseStatus.Blocked)]));

        Assert.Equal(ClauseStatus.Blocked, state.ConsensusOf(StatementId, ClauseId)!.Status);
        Assert.Equal(ClauseStatus.Agreed, state.ConsensusOf(StatementId, other)!.Status);
    }

    [Fact]
    public void APendingMarkFlipsChangesPendingOnTheReleaseHeldAndLeavesItsFigures()
    {
        var state = Joined();
        var other = Guid.NewGuid();
        var release = new Domain.Consensus.ReleaseView(7, DateTimeOffset.UnixEpoch, ReleaseTrigger.Threshold, false, 3, false, ["A reservation."]);
        var held = Figures.Clause(ClauseId, ClauseStatus.Agreed, Figures.Dimension("Region", Figures.Group("North", 3, support: 2), Figures.Group("South", 3, accept: 3))) with { Release = release };
        var unreleased = Figures.Clause(other, ClauseStatus.Pending);
        state.ReplaceConsensus(Figures.Statement(held, unreleased) with { StatementId = StatementId });

        state.MergeConsensus(new ConsensusUpdate(DialogueId, StatementId, 9, true, [], [new PendingMark(ClauseId, true), new PendingMark(other, true)]));

        // The figures held, to the last field, with only "changes pending" moved.
        Assert.Equal(held with { Release = release with { ChangesPending = true } }, state.ConsensusOf(StatementId, ClauseId));
        // Without a release held there is nothing to mark: the server sends figures for such a clause.
        Assert.Null(state.ConsensusOf(StatementId, other)!.Release);
        Assert.Equal((9L, true), (state.ConsensusOrNull(StatementId)!.Version, state.ConsensusOrNull(StatementId)!.HasConsensus));

        state.MergeConsensus(new ConsensusUpdate(DialogueId, StatementId, 10, true, [], [new PendingMark(ClauseId, false)]));

        Assert.False(state.ConsensusOf(StatementId, ClauseId)!.Release!.ChangesPending);
    }

    /// <summary>
    /// A release viewer is pushed a release's figures once, in its event: the screen builds the
    /// released clause from it — the figures, the release's version, time, trigger, changes and notes,
    /// nothing pending — as the server's rendering of that release would have sent it.
    /// </summary>
    [Fact]
    public void AReleaseViewerBuildsTheReleasedClauseFromTheReleasesEvent()
    {
        var state = Joined();
        var other = Guid.NewGuid();
        var silent = new Domain.Consensus.ReleaseView(0, null, null, false, 0, true, []);
        var before = Figures.Clause(ClauseId, ClauseStatus.Pending, Figures.Dimension("Region", Figures.Group("China", 3))) with { Release = silent };
        var untouched = Figures.Clause(other, ClauseStatus.Agreed) with { Release = silent with { StatementVersion = 4, ChangesPending = false } };
        state.ReplaceConsensus(Figures.Statement(before, untouched) with { StatementId = StatementId, Version = 7, HasConsensus = false });
        var figures = Figures.Clause(ClauseId, ClauseStatus.Agreed, Figures.Dimension("Region", Figures.Group("China", 3, support: 2, accept: 1)));
        var release = new ClauseRelease(ClauseId, 3, false, figures, ["A reservation."]);

        state.Apply(StatementStream, [Event(new FiguresReleased(ReleaseTrigger.Threshold, [release]), 8)]);

        // To the last field what the server sent for it before: the event's version and time, nothing pending since.
        var view = new Domain.Consensus.ReleaseView(8, DateTimeOffset.UnixEpoch.AddMinutes(8), ReleaseTrigger.Threshold, false, 3, false, ["A reservation."]);
        // (Compared as the wire writes them: the event's figures came through JSON, so their arrays are new ones.)
        Assert.Equal(Wire(figures with { Release = view }), Wire(state.ConsensusOf(StatementId, ClauseId)));
        Assert.Equal(untouched, state.ConsensusOf(StatementId, other));
        // Both clauses now show Agreed: the statement as released has consensus.
        Assert.Equal((8L, true), (state.ConsensusOrNull(StatementId)!.Version, state.ConsensusOrNull(StatementId)!.HasConsensus));
    }

    /// <summary>A viewer who sees live figures holds the live ones; a release event changes none of them, nor does an older release replace a newer one.</summary>
    [Fact]
    public void LiveFiguresAndNewerReleasesAreNotReplacedByAReleasesEvent()
    {
        var state = Joined();
        var live = Figures.Clause(ClauseId, ClauseStatus.Agreed, Figures.Dimension("Region", Figures.Group("China", 3, support: 3)));
        state.ReplaceConsensus(Figures.Statement(live) with { StatementId = StatementId, Version = 7 });
        var release = new ClauseRelease(ClauseId, 1, true, Figures.Clause(ClauseId, ClauseStatus.Pending), []);

        state.Apply(StatementStream, [Event(new FiguresReleased(ReleaseTrigger.ShowTheRoom, [release]), 8)]);

        Assert.Equal(live, state.ConsensusOf(StatementId, ClauseId));

        var newer = live with { Release = new Domain.Consensus.ReleaseView(12, null, ReleaseTrigger.Threshold, false, 2, false, []) };
        var fresh = Joined();
        fresh.ReplaceConsensus(Figures.Statement(newer) with { StatementId = StatementId, Version = 12 });
        fresh.Apply(StatementStream, [Event(new FiguresReleased(ReleaseTrigger.ShowTheRoom, [release]), 8)]);

        Assert.Equal(newer, fresh.ConsensusOf(StatementId, ClauseId));
    }

    private static string Wire(Domain.Consensus.ClauseConsensus? clause) => JsonSerializer.Serialize(clause, DomainJson.Options);
}
