using System.Collections.Immutable;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Deliberation.Contracts.Review;

/// <summary>
/// A word-level diff (DiffPlex) as segments: same, added, removed. One diff for the server's review
/// answers and the browser's revision diffs, so a change reads the same wherever it is shown.
/// </summary>
public static class WordDiff
{
    public static ImmutableArray<TextSegment> Segments(string oldText, string newText)
    {
        var diff = Differ.Instance.CreateDiffs(oldText, newText, false, false, WordChunker.Instance);
        var segments = new List<TextSegment>();
        var oldPosition = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(segments, TextSegmentKinds.Same, diff.PiecesOld.Skip(oldPosition).Take(block.DeleteStartA - oldPosition));
            Add(segments, TextSegmentKinds.Removed, diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(segments, TextSegmentKinds.Added, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            oldPosition = block.DeleteStartA + block.DeleteCountA;
        }
        Add(segments, TextSegmentKinds.Same, diff.PiecesOld.Skip(oldPosition));
        return [.. segments];
    }

    private static void Add(List<TextSegment> segments, string kind, IEnumerable<string> pieces)
    {
        var text = string.Concat(pieces);
        if (text.Length == 0)
            return;
        if (segments.Count > 0 && segments[^1].Kind == kind)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else
            segments.Add(new TextSegment(kind, text));
    }
}
