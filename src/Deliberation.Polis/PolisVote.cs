namespace Deliberation.Polis;

/// <summary>One row of votes.csv: 1 agree, -1 disagree, 0 pass.</summary>
public sealed record PolisVote(long Timestamp, int CommentId, int VoterId, int Vote);
