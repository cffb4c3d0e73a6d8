using System.Text;

namespace Deliberation.Polis.Tests;

/// <summary>A small, valid export as text, and reading text through <see cref="PolisReader"/>.</summary>
internal static class Csv
{
    public const string Comments = """"
        timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
        1000,Mon Jul 17 02:17:32 WIB 2017,0,0,2,0,1,First
        1001,Mon Jul 17 02:17:33 WIB 2017,1,1,0,1,-1,"Second, with a comma and ""quotes"""
        1002,Mon Jul 17 02:17:34 WIB 2017,2,0,0,0,0,Third

        """";

    public const string ParticipantsVotes = """
        participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1
        0,0,2,2,1,1,1,-1
        1,,1,1,1,0,1,

        """;

    public const string Votes = """
        timestamp,datetime,comment-id,voter-id,vote
        10,x,0,0,1
        20,x,1,0,-1
        30,x,0,1,1

        """;

    public static PolisConversation Read(
        string comments = Comments, string participantsVotes = ParticipantsVotes, string? votes = Votes, PolisLimits? limits = null)
    {
        using var c = Stream(comments);
        using var p = Stream(participantsVotes);
        using var v = votes is null ? null : Stream(votes);
        return PolisReader.Read(c, p, v, limits ?? PolisLimits.Default);
    }

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
