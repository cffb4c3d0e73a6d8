using System.Text;
using CsCheck;

namespace Deliberation.Polis.Tests;

/// <summary>Every fault in an export is a <see cref="PolisFormatException"/> naming its rule and place.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void AMissingRequiredColumnIsNamed()
    {
        var e = Fails(comments: Csv.Comments.Replace(",comment-body", ",body"));

        Assert.Equal(PolisRules.MissingColumn, e.Rule);
        Assert.Equal(PolisFiles.Comments, e.File);
        Assert.Equal(1, e.Line);
        Assert.Equal("comment-body", e.Column);
        Assert.Contains("comments.csv, line 1, column 'comment-body'", e.Message);
    }

    [Fact]
    public void AMissingVoteLogColumnIsNamed()
    {
        var e = Fails(votes: Csv.Votes.Replace("voter-id", "voter"));

        Assert.Equal(PolisRules.MissingColumn, e.Rule);
        Assert.Equal("voter-id", e.Column);
    }

    [Fact]
    public void ARepeatedColumnIsRefused()
    {
        var e = Fails(participantsVotes: Csv.ParticipantsVotes.Replace("n-votes", "group-id"));

        Assert.Equal(PolisRules.DuplicateColumn, e.Rule);
        Assert.Equal("group-id", e.Column);
    }

    [Fact]
    public void AnUnterminatedQuoteIsMalformed()
    {
        var e = Fails(comments: Csv.Comments.Replace("Third", "\"Third"));

        Assert.Equal(PolisRules.MalformedCsv, e.Rule);
        Assert.Equal(4, e.Line);
        Assert.Equal("comment-body", e.Column);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void AnUnterminatedQuoteBeforeOtherQuotesIsMalformedWhereItStarts()
    {
        // The opening quote runs on until the next quote in the file closes it.
        var e = Fails(comments: Csv.Comments.Replace("First", "\"First"));

        Assert.Equal(PolisRules.MalformedCsv, e.Rule);
        Assert.Equal(2, e.Line);
        Assert.Equal("comment-body", e.Column);
        Assert.Contains("unterminated or unescaped quote", e.Message);
    }

    [Fact]
    public void AStrayQuoteIsMalformed()
    {
        var e = Fails(participantsVotes: Csv.ParticipantsVotes.Replace("1,,1,1,1,0,1,", "1,\"\"x\",1,1,1,0,1,"));

        Assert.Equal(PolisRules.MalformedCsv, e.Rule);
        Assert.Equal(PolisFiles.ParticipantsVotes, e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal("group-id", e.Column);
    }

    [Fact]
    public void AWrongFieldCountIsMalformed()
    {
        var e = Fails(votes: Csv.Votes.Replace("20,x,1,0,-1", "20,x,1,0,-1,7"));

        Assert.Equal(PolisRules.MalformedCsv, e.Rule);
        Assert.Equal(PolisFiles.Votes, e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains("6 fields but the header has 5", e.Message);
    }

    [Fact]
    public void LinesAreCountedPastLineBreaksInsideQuotedFields()
    {
        var comments = Csv.Comments.Replace("\"Second,", "\"Line one\nline two\r\nSecond,").Replace("2,0,0,0,0,Third", "x,0,0,0,0,Third");

        var e = Fails(comments: comments);

        Assert.Equal(PolisRules.BadValue, e.Rule);
        Assert.Equal(6, e.Line);
        Assert.Equal("comment-id", e.Column);
    }

    [Fact]
    public void LinesAreCountedPastBlankLines()
    {
        var e = Fails(votes: Csv.Votes.Replace("20,x,1,0,-1\n", "\n20,x,1,0,-1\n\r\n\n").Replace("30,x,0,1,1", "30,x,0,1,x"));

        Assert.Equal(PolisRules.BadValue, e.Rule);
        Assert.Equal(7, e.Line);
    }

    [Fact]
    public void AnEmptyFileIsMalformed()
    {
        var e = Fails(votes: "");

        Assert.Equal(PolisRules.MalformedCsv, e.Rule);
        Assert.Equal(PolisFiles.Votes, e.File);
    }

    [Fact]
    public void InvalidUtf8IsMalformed()
    {
        var bytes = Encoding.UTF8.GetBytes(Csv.Comments).Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        using var comments = new MemoryStream(bytes);
        using var participants = Csv.Stream(Csv.ParticipantsVotes);

        var e = Assert.Throws<PolisFormatException>(() => PolisReader.Read(comments, participants, null, PolisLimits.Default));

        Assert.Equal(PolisRules.MalformedCsv, e.Rule);
        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void ANonIntegerIdIsABadValue()
    {
        var e = Fails(participantsVotes: Csv.ParticipantsVotes.Replace("\n1,,", "\none,,"));

        Assert.Equal(PolisRules.BadValue, e.Rule);
        Assert.Equal(3, e.Line);
        Assert.Equal("participant", e.Column);
    }

    [Fact]
    public void ANonIntegerVoteIsABadValue()
    {
        var e = Fails(participantsVotes: Csv.ParticipantsVotes.Replace("0,0,2,2,1,1,1,-1", "0,0,2,2,1,1,1,yes"));

        Assert.Equal(PolisRules.BadValue, e.Rule);
        Assert.Equal(PolisFiles.ParticipantsVotes, e.File);
        Assert.Equal(2, e.Line);
        Assert.Equal("1", e.Column);
    }

    [Fact]
    public void AVoteOfTwoIsABadValue()
    {
        var e = Fails(votes: Csv.Votes.Replace("30,x,0,1,1", "30,x,0,1,2"));

        Assert.Equal(PolisRules.BadValue, e.Rule);
        Assert.Equal(PolisFiles.Votes, e.File);
        Assert.Equal(4, e.Line);
        Assert.Equal("vote", e.Column);
    }

    [Fact]
    public void AVoteOfTwoInParticipantsVotesIsABadValue()
    {
        var e = Fails(participantsVotes: Csv.ParticipantsVotes.Replace("0,0,2,2,1,1,1,-1", "0,0,2,2,1,1,2,-1"));

        Assert.Equal(PolisRules.BadValue, e.Rule);
        Assert.Equal("0", e.Column);
    }

    [Fact]
    public void AModeratedValueOutsideItsRangeIsABadValue()
    {
        var e = Fails(comments: Csv.Comments.Replace("0,0,0,0,Third", "0,0,0,5,Third"));

        Assert.Equal(PolisRules.BadValue, e.Rule);
        Assert.Equal("moderated", e.Column);
    }

    [Fact]
    public void AnOversizedFileIsTooLarge()
    {
        var big = Csv.Votes + string.Concat(Enumerable.Repeat("40,x,0,1,1\n", 10_000));
        var limits = PolisLimits.Default with { MaxBytesPerFile = 64 * 1024 };

        var e = Fails(votes: big, limits: limits);

        Assert.Equal(PolisRules.TooLarge, e.Rule);
        Assert.Equal(PolisFiles.Votes, e.File);
    }

    [Fact]
    public void TooManyCommentsOrParticipantsOrTooLongABodyAreTooLarge()
    {
        Assert.Equal(PolisRules.TooLarge, Fails(limits: PolisLimits.Default with { MaxComments = 2 }).Rule);
        Assert.Equal(PolisRules.TooLarge, Fails(limits: PolisLimits.Default with { MaxParticipants = 1 }).Rule);

        var e = Fails(limits: PolisLimits.Default with { MaxCommentBodyLength = 10 });
        Assert.Equal(PolisRules.TooLarge, e.Rule);
        Assert.Equal("comment-body", e.Column);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void ADuplicateCommentIdIsRefused()
    {
        var e = Fails(comments: Csv.Comments.Replace("1002,Mon Jul 17 02:17:34 WIB 2017,2,", "1002,Mon Jul 17 02:17:34 WIB 2017,0,"));

        Assert.Equal(PolisRules.DuplicateComment, e.Rule);
        Assert.Equal(4, e.Line);
        Assert.Contains("line 2", e.Detail);
    }

    [Fact]
    public void ADuplicateParticipantIsRefused()
    {
        var e = Fails(participantsVotes: Csv.ParticipantsVotes.Replace("\n1,,", "\n0,,"));

        Assert.Equal(PolisRules.DuplicateParticipant, e.Rule);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void AParticipantsVotesColumnForAnUnknownCommentIsRefused()
    {
        var e = Fails(participantsVotes: Csv.ParticipantsVotes.Replace(",0,1\n", ",0,9\n"));

        Assert.Equal(PolisRules.UnknownComment, e.Rule);
        Assert.Equal("9", e.Column);
    }

    [Fact]
    public void AVoteOnAnUnknownCommentIsRefused()
    {
        var e = Fails(votes: Csv.Votes.Replace("30,x,0,1,1", "30,x,9,1,1"));

        Assert.Equal(PolisRules.UnknownComment, e.Rule);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void ALatestVoteThatDiffersFromTheParticipantsPositionIsAMismatch()
    {
        var e = Fails(votes: Csv.Votes.Replace("20,x,1,0,-1", "20,x,1,0,0"));

        Assert.Equal(PolisRules.VotesMismatch, e.Rule);
        Assert.Equal(PolisFiles.Votes, e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains("voter 0 on comment 1 is 0", e.Message);
        Assert.Contains("participants-votes.csv line 2", e.Message);
    }

    [Fact]
    public void APositionWithoutAVoteIsAMismatch()
    {
        var e = Fails(votes: Csv.Votes.Replace("30,x,0,1,1\n", ""));

        Assert.Equal(PolisRules.VotesMismatch, e.Rule);
        Assert.Equal(PolisFiles.ParticipantsVotes, e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal("0", e.Column);
        Assert.Contains("participant 1", e.Message);
    }

    [Fact]
    public void AVoteWithoutAPositionIsAMismatch()
    {
        Assert.Contains(
            "no row for participant 7",
            Fails(votes: Csv.Votes + "40,x,0,7,1\n").Message);
        Assert.Contains(
            "cell for participant 1 and comment 1 is blank",
            Fails(votes: Csv.Votes + "40,x,1,1,0\n").Message);
        Assert.Contains(
            "cell for participant 1 and comment 2 is blank or has no column",
            Fails(votes: Csv.Votes + "40,x,2,1,0\n").Message);
    }

    [Fact]
    public void DamagedInputOnlyEverFailsWithAPolisFormatException()
    {
        var files = new[] { Csv.Comments, Csv.ParticipantsVotes, Csv.Votes };
        var edit = Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 2], Gen.Char["\",\r\n-019x '\u00e9=\0"]);
        Gen.Select(Gen.Int[0, 2], edit.Array[1, 6]).Sample((file, edits) =>
        {
            var damaged = (string[])files.Clone();
            var text = new StringBuilder(damaged[file]);
            foreach (var (at, kind, c) in edits)
            {
                var i = at % (text.Length + 1);
                switch (kind)
                {
                    case 0:
                        text.Insert(i, c);
                        break;
                    case 1 when i < text.Length:
                        text.Remove(i, 1);
                        break;
                    default:
                        if (i < text.Length)
                        {
                            text[i] = c;
                        }

                        break;
                }
            }

            damaged[file] = text.ToString();
            try
            {
                Csv.Read(damaged[0], damaged[1], damaged[2]);
            }
            catch (PolisFormatException)
            {
            }
        }, iter: 5_000);
    }

    private static PolisFormatException Fails(
        string comments = Csv.Comments,
        string participantsVotes = Csv.ParticipantsVotes,
        string? votes = Csv.Votes,
        PolisLimits? limits = null) =>
        Assert.Throws<PolisFormatException>(() => Csv.Read(comments, participantsVotes, votes, limits));
}
