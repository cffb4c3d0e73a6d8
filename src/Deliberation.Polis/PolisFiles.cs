namespace Deliberation.Polis;

/// <summary>File and column names of a Pol.is export, as Pol.is writes them.</summary>
public static class PolisFiles
{
    public const string Comments = "comments.csv";
    public const string ParticipantsVotes = "participants-votes.csv";
    public const string Votes = "votes.csv";

    internal const string Timestamp = "timestamp";
    internal const string Datetime = "datetime";
    internal const string CommentId = "comment-id";
    internal const string AuthorId = "author-id";
    internal const string Agrees = "agrees";
    internal const string Disagrees = "disagrees";
    internal const string Moderated = "moderated";
    internal const string CommentBody = "comment-body";
    internal const string IsMeta = "is-meta";
    internal const string Participant = "participant";
    internal const string GroupId = "group-id";
    internal const string NComments = "n-comments";
    internal const string NVotes = "n-votes";
    internal const string NAgree = "n-agree";
    internal const string NDisagree = "n-disagree";
    internal const string VoterId = "voter-id";
    internal const string Vote = "vote";
}
