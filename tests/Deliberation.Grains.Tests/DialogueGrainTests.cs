using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Tests.Fixtures;

namespace Deliberation.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DialogueGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task CreatedDialogueIsDurableAcrossReactivation()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 6);
        await room.MustAsync(new ChangeSettings(new DialogueSettings("Renamed", Venue: "Venice")), room.Convener);
        await room.MoveToAsync(Phase.Drafting);
        var before = await room.DialogueStateAsync();

        await cluster.DeactivateAsync(room.Dialogue);
        var after = await room.DialogueStateAsync();

        Assert.True(after.Exists);
        Assert.Equal(Phase.Drafting, after.Phase);
        Assert.Equal(8, after.Roster.Count);
        Json.Equal(before, after);
        // The store alone, replayed through the domain, gives the same state: nothing lived only in memory.
        var stored = await cluster.Store.ReadStreamAsync(StreamIds.Dialogue(room.DialogueId));
        Assert.Equal(after.Version, stored.Count);
        var replayed = Domain.Dialogues.Dialogue.Replay(room.DialogueId,
            stored.Select(RecordedEvent.Decode).Select(r => ((DialogueEvent)r.Event, r.Meta)));
        Json.Equal(after, replayed);
        // The read model followed the events.
        var summary = Assert.Single(await cluster.Directory.ListDialoguesAsync(), d => d.Id == room.DialogueId);
        Assert.Equal("Renamed", summary.Title);
        Assert.Equal(8, summary.ParticipantCount);
    }

    /// <summary>A commit whose projection never ran (the node died in between), written to the store as the grain would have.</summary>
    private async Task CommitWithoutProjectionAsync(Room room, DialogueEvent e)
    {
        await cluster.DeactivateAsync(room.Dialogue);
        var version = (await cluster.Store.ReadStreamAsync(StreamIds.Dialogue(room.DialogueId))).Count;
        await cluster.Store.AppendAsync(StreamIds.Dialogue(room.DialogueId), StreamIds.Scope(room.DialogueId), version,
            [RecordedEvent.Encode(e, room.Convener, DateTimeOffset.UtcNow)]);
    }

    [Fact]
    public async Task AnInviteCommittedJustBeforeACrashIsIndexedWhenTheDialogueWakes()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 1);
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0');
        var expires = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await CommitWithoutProjectionAsync(room, new InviteIssued(room.Delegates[0], hash, expires));
        Assert.Null(await cluster.Directory.FindInviteAsync(hash));

        await room.DialogueStateAsync();

        var invite = await cluster.Directory.FindInviteAsync(hash);
        Assert.NotNull(invite);
        Assert.Equal((room.DialogueId, room.Delegates[0], expires, (DateTimeOffset?)null), (invite.DialogueId, invite.ParticipantId, invite.ExpiresAt, invite.RevokedAt));
    }

    [Fact]
    public async Task AnInviteRevokedJustBeforeACrashIsRevokedInTheIndexWhenTheDialogueWakes()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 1);
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0');
        await room.MustAsync(new IssueInvite(room.Delegates[0], hash, cluster.Time.GetUtcNow().AddDays(7)), room.Convener);
        await CommitWithoutProjectionAsync(room, new InviteRevoked(hash));
        Assert.Null((await cluster.Directory.FindInviteAsync(hash))!.RevokedAt);

        await room.DialogueStateAsync();

        Assert.NotNull((await cluster.Directory.FindInviteAsync(hash))!.RevokedAt);
    }

    [Fact]
    public async Task RefusedCommandsLeaveTheVersionUnchangedAndStoreNothing()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 3);
        var clause = await room.ClauseAsync("Frontier developers publish safety cases.");
        var dialogueBefore = await room.DialogueStateAsync();
        var statementBefore = await room.StatementStateAsync();
        var stranger = Guid.NewGuid();

        var refusals = new (Task<CommandOutcome> Outcome, string Rule)[]
        {
            (room.Dialogue.ExecuteAsync(new AddMember(Room.NewDelegate(0) with { ParticipantId = room.Delegates[0] }), room.Convener), "member.exists"),
            (room.Dialogue.ExecuteAsync(new SetPhase(Phase.Deliberation), stranger), "dialogue.not-a-member"),
            (room.Dialogue.ExecuteAsync(new SetPhase(Phase.Signing), room.Facilitator), "phase.invalid-transition"),
            (room.Dialogue.ExecuteAsync(new AddMember(Room.NewDelegate(1)), room.Delegates[0]), "role.not-organiser"),
        };
        foreach (var (task, rule) in refusals)
        {
            var outcome = await task;
            Assert.False(outcome.Accepted);
            Assert.Equal(rule, outcome.Error?.Rule);
            Assert.Equal(dialogueBefore.Version, outcome.Version);
        }

        var statementRefusals = new (StatementCommand Command, Guid Actor, string Rule)[]
        {
            (new TakePosition(clause, 1, PositionKind.Support), room.Delegates[0], "phase.not-allowed"),
            (new ReviseClause(clause, 7, "A text on a revision that does not exist.", RevisionKind.Substantive, null), room.Facilitator, "revision.stale-base"),
            (new ProposeClause(Guid.NewGuid(), ClauseKind.Other, "Delegates do not draft."), room.Delegates[1], "role.not-rapporteur"),
            (new ProposeClause(clause, ClauseKind.Other, "Same id twice."), room.Facilitator, "clause.exists"),
        };
        foreach (var (command, actor, rule) in statementRefusals)
        {
            var outcome = await room.Statement.ExecuteAsync(room.DialogueId, command, actor);
            Assert.False(outcome.Accepted);
            Assert.Equal(rule, outcome.Error?.Rule);
            Assert.Equal(statementBefore.Version, outcome.Version);
        }

        Json.Equal(dialogueBefore, await room.DialogueStateAsync());
        Json.Equal(statementBefore, await room.StatementStateAsync());
        Assert.Equal(dialogueBefore.Version, (await cluster.Store.ReadStreamAsync(StreamIds.Dialogue(room.DialogueId))).Count);
        Assert.Equal(statementBefore.Version, (await cluster.Store.ReadStreamAsync(StreamIds.Statement(room.StatementId))).Count);
    }

    [Fact]
    public async Task BatchIsAllOrNothing()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 2);
        var before = await room.DialogueStateAsync();
        var first = Room.NewDelegate(10);
        var second = Room.NewDelegate(11);

        // The third command repeats the first: each is judged on the state the earlier ones leave.
        var refused = await room.Dialogue.ExecuteBatchAsync([new AddMember(first), new AddMember(second), new AddMember(first)], room.Convener);

        Assert.False(refused.Accepted);
        Assert.Equal("member.exists", refused.Error?.Rule);
        Assert.Equal(before.Version, refused.Version);
        Json.Equal(before, await room.DialogueStateAsync());
        Assert.Equal(before.Version, (await cluster.Store.ReadStreamAsync(StreamIds.Dialogue(room.DialogueId))).Count);

        var accepted = await room.Dialogue.ExecuteBatchAsync([new AddMember(first), new AddMember(second), new SetPhase(Phase.Deliberation)], room.Convener);

        Assert.True(accepted.Accepted, $"{accepted.Error}");
        Assert.Equal(before.Version + 3, accepted.Version);
        var stored = await cluster.Store.ReadStreamAsync(StreamIds.Dialogue(room.DialogueId), before.Version);
        Assert.Equal(["MemberAdded", "MemberAdded", "PhaseChanged"], stored.Select(e => e.Type));
        Assert.All(stored.Zip(stored.Skip(1)), pair => Assert.True(pair.Second.Position > pair.First.Position));

        // The statement's batch too: one bad clause refuses the good ones with it.
        var statementBefore = await room.StatementStateAsync();
        var good = new ProposeClause(Guid.NewGuid(), ClauseKind.Principle, "Good clause.");
        var bad = new ProposeClause(Guid.NewGuid(), ClauseKind.Principle, "");
        var outcome = await room.Statement.ExecuteBatchAsync(room.DialogueId, [good, bad], room.Facilitator);
        Assert.False(outcome.Accepted);
        Assert.Equal(statementBefore.Version, outcome.Version);
        Json.Equal(statementBefore, await room.StatementStateAsync());
    }

    [Fact]
    public async Task EventsCarryTheGrainsClock()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 1);
        var hash = new string('a', 64);
        var expires = cluster.Time.GetUtcNow().AddDays(1);

        await room.MustAsync(new IssueInvite(room.Delegates[0], hash, expires), room.Convener);
        cluster.Time.Advance(TimeSpan.FromDays(2));
        var late = await room.Dialogue.ExecuteAsync(new IssueInvite(room.Delegates[0], new string('b', 64), expires), room.Convener);

        Assert.Equal("invite.expired", late.Error?.Rule);
        var last = (await cluster.Store.ReadStreamAsync(StreamIds.Dialogue(room.DialogueId)))[^1];
        Assert.Equal("InviteIssued", last.Type);
        Assert.InRange(last.OccurredAt, expires.AddDays(-1).AddMinutes(-1), expires);
        Assert.Equal(last.OccurredAt, (await room.DialogueStateAsync()).UpdatedAt);
    }
}
