namespace Deliberation.Polis;

/// <summary>A Pol.is conversation export: comments, participants with their positions and,
/// when votes.csv was given, the full vote log in file order (superseded votes included).</summary>
public sealed record PolisConversation(
    IReadOnlyList<PolisComment> Comments,
    IReadOnlyList<PolisParticipant> Participants,
    IReadOnlyList<PolisVote>? VoteLog)
{
    // Value equality over the lists (records compare collections by reference otherwise).
    public bool Equals(PolisConversation? other) =>
        other is not null
        && Comments.SequenceEqual(other.Comments)
        && Participants.SequenceEqual(other.Participants)
        && (VoteLog is null ? other.VoteLog is null : other.VoteLog is not null && VoteLog.SequenceEqual(other.VoteLog));

    public override int GetHashCode() =>
        HashCode.Combine(Comments.Count, Participants.Count, VoteLog?.Count ?? -1);
}
