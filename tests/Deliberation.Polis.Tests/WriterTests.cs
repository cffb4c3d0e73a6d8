using System.Text;

namespace Deliberation.Polis.Tests;

public sealed class WriterTests
{
    [Theory]
    [MemberData(nameof(PolisData.Conversations), MemberType = typeof(PolisData))]
    public void ARealConversationSurvivesAWriteAndARead(string name)
    {
        var original = PolisData.Read(name);

        var written = Write(original);

        Assert.Equal(original, Read(written));
    }

    [Theory]
    [MemberData(nameof(PolisData.Conversations), MemberType = typeof(PolisData))]
    public void ParticipantsVotesComesOutAsPolisWroteIt(string name)
    {
        // Nothing free-text in this file, so Pol.is's layout is reproduced byte for byte:
        // row order, the n-* counts, the columns of voted-on comments only.
        var written = Write(PolisData.Read(name));

        Assert.Equal(
            File.ReadAllText(PolisData.File(name, PolisFiles.ParticipantsVotes)),
            written.ParticipantsVotes);
    }

    [Theory]
    [MemberData(nameof(PolisData.Conversations), MemberType = typeof(PolisData))]
    public void HeadersAreThoseOfPolis(string name)
    {
        var written = Write(PolisData.Read(name));

        foreach (var (file, text) in new[]
                 {
                     (PolisFiles.Comments, written.Comments),
                     (PolisFiles.Votes, written.Votes),
                 })
        {
            Assert.Equal(
                File.ReadLines(PolisData.File(name, file)).First(),
                text[..text.IndexOf('\n')]);
        }
    }

    [Fact]
    public void FormulaLikeTextIsGuardedAndComesBackUnchanged()
    {
        string[] bodies = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-notes", "@SUM(A1)", "'=already quoted", "\tTab", "-1", "+2.5", "Plain"];
        var conversation = new PolisConversation(
            [.. bodies.Select((b, i) => new PolisComment(i, 1, 0, 0, 1, 1, b, null))],
            [new PolisParticipant(0, "=group", bodies.Select((_, i) => i).ToDictionary(i => i, _ => -1))],
            null);

        var written = Write(conversation);

        var cells = written.Comments.Split('\n').Skip(1).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("1,Thu Jan 01 00:00:00 UTC 1970,0,0,0,1,1,\"'=HYPERLINK", cells[0]);
        Assert.EndsWith(",'+1+cmd|' /C calc'!A0", cells[1]);
        Assert.EndsWith(",'-notes", cells[2]);
        Assert.EndsWith(",'@SUM(A1)", cells[3]);
        Assert.EndsWith(",''=already quoted", cells[4]);
        Assert.EndsWith(",-1", cells[6]);
        Assert.EndsWith(",+2.5", cells[7]);
        Assert.EndsWith(",Plain", cells[8]);
        // Numeric cells, -1 votes included, are left alone; the free-text group id is guarded.
        Assert.Contains("\n0,'=group,9,9,0,9,-1,-1,", written.ParticipantsVotes);
        Assert.DoesNotContain("'-1", written.Votes);

        Assert.Equal(conversation, Read(written, withVotes: false));
    }

    [Fact]
    public void WithoutAVoteLogTheWrittenVotesAgreeWithThePositions()
    {
        var original = Csv.Read() with { VoteLog = null };

        var written = Write(original);
        var read = Read(written);

        Assert.Equal(original, read with { VoteLog = null });
        Assert.All(read.VoteLog!, v => Assert.Equal(0, v.Timestamp));
        Assert.Equal(3, read.VoteLog!.Count);
    }

    [Fact]
    public void IsMetaIsWrittenWhenTheConversationHasIt()
    {
        var original = Csv.Read() is var c
            ? c with { Comments = [.. c.Comments.Select((x, i) => x with { IsMeta = i == 0 ? true : i == 1 ? false : null })] }
            : null!;

        var written = Write(original);

        Assert.EndsWith(",comment-body,is-meta", written.Comments[..written.Comments.IndexOf('\n')]);
        Assert.Equal(original, Read(written));
    }

    [Fact]
    public void NullTimestampsAndAuthorsStayNull()
    {
        var original = Csv.Read() is var c
            ? c with { Comments = [.. c.Comments.Select(x => x with { Timestamp = null, AuthorId = null })] }
            : null!;

        Assert.Equal(original, Read(Write(original)));
    }

    private static Written Write(PolisConversation conversation)
    {
        using var comments = new MemoryStream();
        using var participants = new MemoryStream();
        using var votes = new MemoryStream();
        PolisWriter.Write(conversation, comments, participants, votes);
        return new Written(Text(comments), Text(participants), Text(votes));

        static string Text(MemoryStream s) => Encoding.UTF8.GetString(s.ToArray());
    }

    private static PolisConversation Read(Written written, bool withVotes = true) =>
        Csv.Read(written.Comments, written.ParticipantsVotes, withVotes ? written.Votes : null);

    private sealed record Written(string Comments, string ParticipantsVotes, string Votes);
}
