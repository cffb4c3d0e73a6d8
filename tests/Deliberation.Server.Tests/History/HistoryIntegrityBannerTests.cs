using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Persistence;
using Deliberation.Server.Hubs;
using Deliberation.Server.Realtime;
using Deliberation.Server.Tests.Visibility;
using Deliberation.Server.Visibility;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Server.Tests.History;

/// <summary>
/// The room's banner (docs/security.md, "Verifiable history"): what the node's checks found broken
/// reaches the rooms of that dialogue — every role — and nothing of another dialogue's history does.
/// </summary>
public sealed class HistoryIntegrityBannerTests
{
    [Fact]
    public void TheRoomSeesTheBreaksOfItsOwnStreamsOnly()
    {
        var room = new SmallRoom(ConfidentialityMode.ChathamHouse);
        var integrity = new HistoryIntegrity();
        integrity.Report(Broken(StreamIds.Statement(room.StatementId), 7, ChainProblems.LeafMismatch));
        integrity.Report(Broken(StreamIds.Statement(Guid.NewGuid()), 3, ChainProblems.HashMismatch));

        var view = HistoryIntegrityViews.For(integrity, room.Dialogue);

        Assert.False(view.Intact);
        Assert.Equal([new BrokenStreamView(StreamIds.Statement(room.StatementId), 7, ChainProblems.LeafMismatch)], view.Broken);
        Assert.True(HistoryIntegrityViews.For(new HistoryIntegrity(), room.Dialogue).Intact);
    }

    [Fact]
    public async Task ABreakIsPushedOnceToEveryRoleOfTheDialogueAndTheMendToo()
    {
        var room = new SmallRoom(ConfidentialityMode.Anonymous);
        var member = room.Add(Role.Delegate, SmallRoom.South);
        var connections = new NodeConnections();
        connections.Add(room.DialogueId, new ConnectedViewer("c1", member, Role.Delegate), room.Dialogue);
        var integrity = new HistoryIntegrity();
        var hub = new RecordingHub();
        var watcher = new HistoryIntegrityWatcher(integrity, connections, hub, TimeProvider.System, NullLogger<HistoryIntegrityWatcher>.Instance);

        await watcher.LookAsync();
        Assert.Empty(hub.Sent);

        integrity.Report(Broken(StreamIds.Dialogue(room.DialogueId), 4, ChainProblems.MissingVersion));
        await watcher.LookAsync();
        await watcher.LookAsync();

        var (groups, view) = Assert.Single(hub.Sent);
        Assert.Equal(AudienceGroup.All(room.DialogueId), groups);
        Assert.Equal([new BrokenStreamView(StreamIds.Dialogue(room.DialogueId), 4, ChainProblems.MissingVersion)], view.Broken);

        // A full verification that finds the stream whole again clears the banner.
        integrity.Report(new StreamVerification(StreamIds.Dialogue(room.DialogueId), 9, new string('a', 64), 9, null));
        await watcher.LookAsync();
        Assert.Equal(2, hub.Sent.Count);
        Assert.True(hub.Sent[1].View.Intact);
    }

    private static StreamVerification Broken(string stream, long version, string problem) =>
        new(stream, version - 1, new string('a', 64), version - 1, new ChainBreak(version, problem, "test"));

    /// <summary>A hub context that records what it was asked to send to groups.</summary>
    private sealed class RecordingHub : IHubContext<DialogueHub, IDialogueClient>, IHubClients<IDialogueClient>
    {
        public List<(IReadOnlyList<string> Groups, HistoryIntegrityView View)> Sent { get; } = [];

        IHubClients<IDialogueClient> IHubContext<DialogueHub, IDialogueClient>.Clients => this;

        IGroupManager IHubContext<DialogueHub, IDialogueClient>.Groups => throw new NotSupportedException();

        public IDialogueClient Groups(IReadOnlyList<string> groupNames) => new Recorder(this, groupNames);

        public IDialogueClient All => throw new NotSupportedException();

        public IDialogueClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IDialogueClient Client(string connectionId) => throw new NotSupportedException();

        public IDialogueClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

        public IDialogueClient Group(string groupName) => throw new NotSupportedException();

        public IDialogueClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IDialogueClient User(string userId) => throw new NotSupportedException();

        public IDialogueClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();

        private sealed class Recorder(RecordingHub hub, IReadOnlyList<string> groups) : IDialogueClient
        {
            public Task HistoryIntegrityChanged(HistoryIntegrityView history)
            {
                hub.Sent.Add((groups, history));
                return Task.CompletedTask;
            }

            public Task EventsAppended(string streamId, IReadOnlyList<System.Text.Json.Nodes.JsonObject> events) => throw new NotSupportedException();

            public Task ConsensusChanged(ConsensusUpdate update) => throw new NotSupportedException();

            public Task PresenceChanged(PresenceView presence) => throw new NotSupportedException();

            public Task DraftPreview(DraftPreviewView preview) => throw new NotSupportedException();

            public Task StaleReminder(StaleReminderView reminder) => throw new NotSupportedException();

            public Task Heartbeat(RoomHeartbeat heartbeat) => throw new NotSupportedException();
        }
    }
}
