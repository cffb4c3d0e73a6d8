namespace Deliberation.Polis.Tests;

/// <summary>The four real exports in shared/data/polis.</summary>
public sealed class RealExportTests
{
    [Theory]
    [MemberData(nameof(PolisData.Conversations), MemberType = typeof(PolisData))]
    public void ReadsWithTheParticipantCommentAndGroupCountsOfItsSummary(string name)
    {
        var conversation = PolisData.Read(name);
        var summary = PolisData.Summary(name);

        // voters = participant rows (= distinct voters in votes.csv; every voter was kept).
        Assert.Equal(int.Parse(summary["voters"]), conversation.Participants.Count);
        Assert.Equal(conversation.Participants.Count, conversation.VoteLog!.Select(v => v.VoterId).Distinct().Count());

        // comments = comments somebody voted on (the comment columns of participants-votes.csv),
        // rejected ones included: see SummaryCommentCountIncludesRejectedCommentsButNotUnvotedOnes.
        var votedOn = conversation.Participants.SelectMany(p => p.Votes.Keys).ToHashSet();
        Assert.Equal(int.Parse(summary["comments"]), conversation.Comments.Count(c => votedOn.Contains(c.Id)));

        // groups = distinct non-blank group ids.
        Assert.Equal(
            int.Parse(summary["groups"]),
            conversation.Participants.Select(p => p.GroupId).OfType<string>().Distinct().Count());
    }

    [Fact]
    public void SummaryCommentCountIncludesRejectedCommentsButNotUnvotedOnes()
    {
        // 15-per-hour-seattle: 54 comments, 23 rejected (moderated -1), all voted on: summary says 54.
        var seattle = PolisData.Read("15-per-hour-seattle");
        Assert.Equal(54, seattle.Comments.Count);
        Assert.Equal(23, seattle.Comments.Count(c => c.Moderated == -1));
        Assert.Equal("54", PolisData.Summary("15-per-hour-seattle")["comments"]);

        // scoop-hivemind.ubi: 71 comments.csv rows but summary says 70; the one left out, 14, is
        // rejected and nobody voted on it (it has no participants-votes.csv column either).
        var scoop = PolisData.Read("scoop-hivemind.ubi");
        Assert.Equal(71, scoop.Comments.Count);
        Assert.Equal("70", PolisData.Summary("scoop-hivemind.ubi")["comments"]);
        var unvoted = Assert.Single(scoop.Comments, c => scoop.Participants.All(p => !p.Votes.ContainsKey(c.Id)));
        Assert.Equal(14, unvoted.Id);
        Assert.Equal(-1, unvoted.Moderated);
        Assert.DoesNotContain(scoop.VoteLog!, v => v.CommentId == 14);
    }

    [Theory]
    [MemberData(nameof(PolisData.Conversations), MemberType = typeof(PolisData))]
    public void LatestLoggedVotesEqualParticipantsVotesPositions(string name)
    {
        // Computed here from the log rather than trusting the reader's own check.
        var conversation = PolisData.Read(name);
        var latest = new Dictionary<(int Voter, int Comment), (long Timestamp, int Vote)>();
        foreach (var v in conversation.VoteLog!)
        {
            if (!latest.TryGetValue((v.VoterId, v.CommentId), out var seen) || v.Timestamp >= seen.Timestamp)
            {
                latest[(v.VoterId, v.CommentId)] = (v.Timestamp, v.Vote);
            }
        }

        var positions = conversation.Participants
            .SelectMany(p => p.Votes.Select(v => (Key: (p.Id, v.Key), v.Value)))
            .ToDictionary(x => x.Key, x => x.Value);
        Assert.Equal(positions.OrderBy(p => p.Key), latest.Select(l => KeyValuePair.Create(l.Key, l.Value.Vote)).OrderBy(p => p.Key));

        // Not trivially so: some pairs were voted on more than once, and comments.csv's agrees
        // count every vote row, superseded ones included.
        Assert.Contains(conversation.VoteLog!.CountBy(v => (v.VoterId, v.CommentId)), c => c.Value > 1);
        foreach (var comment in conversation.Comments)
        {
            Assert.Equal(comment.Agrees, conversation.VoteLog!.Count(v => v.CommentId == comment.Id && v.Vote == 1));
            Assert.Equal(comment.Disagrees, conversation.VoteLog!.Count(v => v.CommentId == comment.Id && v.Vote == -1));
        }
    }

    [Theory]
    [MemberData(nameof(PolisData.Conversations), MemberType = typeof(PolisData))]
    public void ReadsWithoutTheVoteLog(string name)
    {
        var withLog = PolisData.Read(name);
        var withoutLog = PolisData.Read(name, withVotes: false);

        Assert.Null(withoutLog.VoteLog);
        Assert.Equal(withLog with { VoteLog = null }, withoutLog);
    }
}
