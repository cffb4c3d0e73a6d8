using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;

namespace Deliberation.Contracts.Review;

/// <summary>Two moments compared (GET …/review/compare): every clause's text as a word diff, and the matrix rows that moved.</summary>
public sealed record ReviewComparison(long From, long To, ImmutableArray<ClauseComparison> Clauses, ImmutableArray<MatrixCellChange> Cells);

/// <summary>
/// A clause at both moments. A clause that did not exist yet at <c>from</c> has revision 0 and its
/// whole text added; statuses are as this viewer saw them.
/// </summary>
public sealed record ClauseComparison(
    Guid ClauseId, int FromRevision, int ToRevision, ClauseStatus? FromStatus, ClauseStatus? ToStatus, bool Changed, ImmutableArray<TextSegment> Segments);

/// <summary>A run of words: <see cref="TextSegmentKinds"/> says whether both texts have it or only one.</summary>
public sealed record TextSegment(string Kind, string Text);

public static class TextSegmentKinds
{
    public const string Same = "same";
    public const string Added = "added";
    public const string Removed = "removed";
}

/// <summary>One row of a clause's matrix (a group of a dimension) whose figures differ; null where the row was not shown.</summary>
public sealed record MatrixCellChange(Guid ClauseId, string Dimension, string Group, GroupConsensus? Before, GroupConsensus? After);
