namespace Deliberation.Polis;

/// <summary>One row of participants-votes.csv.</summary>
/// <param name="GroupId">Pol.is's opinion group, kept as text because newer exports name groups
/// differently; null when Pol.is did not cluster the participant.</param>
/// <param name="Votes">Current position per comment id: 1 agree, -1 disagree, 0 pass; absent = not voted.</param>
public sealed record PolisParticipant(int Id, string? GroupId, IReadOnlyDictionary<int, int> Votes)
{
    // Value equality over the votes, so that a written-then-read conversation equals the original.
    public bool Equals(PolisParticipant? other) =>
        other is not null
        && Id == other.Id
        && string.Equals(GroupId, other.GroupId, StringComparison.Ordinal)
        && Votes.Count == other.Votes.Count
        && Votes.All(v => other.Votes.TryGetValue(v.Key, out var vote) && vote == v.Value);

    public override int GetHashCode() => HashCode.Combine(Id, GroupId, Votes.Count);
}
