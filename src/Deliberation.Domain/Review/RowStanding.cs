using System.Text.Json.Serialization;

namespace Deliberation.Domain.Review;

/// <summary>
/// One row of a clause's standing: the clause as a whole (<see cref="Dimension"/> and <see cref="Group"/>
/// null, its status) or one group of a dimension the rule counts. A group is Agreed when it meets the
/// rule, Pending while all its members are silent, Contested otherwise.
/// </summary>
public sealed record RowStanding(string? Dimension, string? Group, ClauseStatus Status, double? Share, int Members, int Needed)
{
    // Derived, so not stored with a trace snapshot (ReviewTraceSnapshot).
    [JsonIgnore]
    public bool IsClause => Group is null;

    [JsonIgnore]
    public string Name => IsClause ? "the clause" : $"{Dimension}/{Group}";
}
