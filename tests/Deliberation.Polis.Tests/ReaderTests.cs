namespace Deliberation.Polis.Tests;

public sealed class ReaderTests
{
    [Fact]
    public void ReadsTheSmallExport()
    {
        var conversation = Csv.Read();

        Assert.Equal(
            [
                new PolisComment(0, 1000, 0, 2, 0, 1, "First", null),
                new PolisComment(1, 1001, 1, 0, 1, -1, "Second, with a comma and \"quotes\"", null),
                new PolisComment(2, 1002, 0, 0, 0, 0, "Third", null),
            ],
            conversation.Comments);
        Assert.Equal(
            [
                new PolisParticipant(0, "0", new Dictionary<int, int> { [0] = 1, [1] = -1 }),
                new PolisParticipant(1, null, new Dictionary<int, int> { [0] = 1 }),
            ],
            conversation.Participants);
        Assert.Equal([new PolisVote(10, 0, 0, 1), new PolisVote(20, 1, 0, -1), new PolisVote(30, 0, 1, 1)], conversation.VoteLog!);
    }

    [Fact]
    public void ExtraAndReorderedColumnsImport()
    {
        const string comments = """"
            comment-body,is-seed,moderated,comment-id,disagrees,agrees,is-meta,group-informed-consensus,something-else
            First,false,1,0,0,2,true,0.5,x
            "Second, with a comma and ""quotes""",true,-1,1,1,0,false,0.25,y
            Third,false,0,2,0,0,,0.1,z

            """";
        const string participantsVotes = """
            1,group-id,extra,participant,0
            -1,0,x,0,1
            ,,y,1,1

            """;
        const string votes = """
            vote,voter-id,comment-id,timestamp,note
            1,0,0,10,a
            -1,0,1,20,b
            1,1,0,30,c

            """;

        var reordered = Csv.Read(comments, participantsVotes, votes);
        var original = Csv.Read();

        // Only what the reordered file lacks (timestamp, author-id) or adds (is-meta) differs.
        Assert.Equal(
            original.Comments.Select(c => c with { Timestamp = null, AuthorId = null }),
            reordered.Comments.Select(c => c with { IsMeta = null }));
        Assert.Equal([true, false, null], reordered.Comments.Select(c => c.IsMeta));
        Assert.Equal(original.Participants, reordered.Participants);
        Assert.Equal(original.VoteLog!, reordered.VoteLog!);
    }

    [Fact]
    public void ParticipantsVotesMayOmitColumnsOfUnvotedComments()
    {
        // Comment 2 has no column, as in scoop-hivemind.ubi's comment 14.
        var conversation = Csv.Read();

        Assert.Equal(3, conversation.Comments.Count);
        Assert.DoesNotContain(conversation.Participants, p => p.Votes.ContainsKey(2));
    }

    [Fact]
    public void TheLatestVoteByTimestampIsThePositionWhateverTheRowOrder()
    {
        // Participant 0 changed from -1 (t=20) to 1 (t=25) on comment 1, logged out of order.
        const string votes = """
            timestamp,datetime,comment-id,voter-id,vote
            25,x,1,0,-1
            10,x,0,0,1
            20,x,1,0,1
            30,x,0,1,1

            """;

        var conversation = Csv.Read(votes: votes);

        Assert.Equal(4, conversation.VoteLog!.Count);
    }

    [Fact]
    public void OnEqualTimestampsTheLaterRowWins()
    {
        const string laterRowAgrees = """
            timestamp,datetime,comment-id,voter-id,vote
            10,x,0,0,1
            20,x,1,0,1
            20,x,1,0,-1
            30,x,0,1,1

            """;
        const string laterRowDisagrees = """
            timestamp,datetime,comment-id,voter-id,vote
            10,x,0,0,1
            20,x,1,0,-1
            20,x,1,0,1
            30,x,0,1,1

            """;

        Assert.NotNull(Csv.Read(votes: laterRowAgrees).VoteLog);
        var e = Assert.Throws<PolisFormatException>(() => Csv.Read(votes: laterRowDisagrees));
        Assert.Equal(PolisRules.VotesMismatch, e.Rule);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void AFileOfExactlyTheByteLimitIsAcceptedAndOneByteMoreIsNot()
    {
        var largest = new[] { Csv.Comments, Csv.ParticipantsVotes, Csv.Votes }.Max(System.Text.Encoding.UTF8.GetByteCount);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(Csv.Comments), largest);

        Assert.NotNull(Csv.Read(limits: PolisLimits.Default with { MaxBytesPerFile = largest }));
        var e = Assert.Throws<PolisFormatException>(() => Csv.Read(limits: PolisLimits.Default with { MaxBytesPerFile = largest - 1 }));
        Assert.Equal(PolisRules.TooLarge, e.Rule);
        Assert.Equal(PolisFiles.Comments, e.File);
    }

    [Fact]
    public void ReadsCrLfLineEndsAndAByteOrderMark()
    {
        var conversation = Csv.Read(
            comments: "\uFEFF" + Csv.Comments.Replace("\n", "\r\n"),
            participantsVotes: Csv.ParticipantsVotes.Replace("\n", "\r\n"));

        Assert.Equal(Csv.Read(), conversation);
    }

    [Fact]
    public void AModelIsImmutableThroughItsInterfaces()
    {
        var conversation = Csv.Read();

        Assert.False(conversation.Comments is PolisComment[] or List<PolisComment>);
        Assert.False(conversation.Participants[0].Votes is Dictionary<int, int>);
    }
}
