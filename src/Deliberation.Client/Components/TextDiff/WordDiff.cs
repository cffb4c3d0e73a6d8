using DiffPlex;
using DiffPlex.Chunkers;

namespace Deliberation.Client.Components;

public enum DiffKind { Same, Inserted, Deleted }

/// <summary>A run of words that is in both texts, only in the new one, or only in the old one.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>A word-level diff (DiffPlex), as segments to render as text.</summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffSegment> Segments(string oldText, string newText)
    {
        var diff = Differ.Instance.CreateDiffs(oldText, newText, false, false, WordChunker.Instance);
        var segments = new List<DiffSegment>();
        var oldPosition = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(segments, DiffKind.Same, diff.PiecesOld.Skip(oldPosition).Take(block.DeleteStartA - oldPosition));
            Add(segments, DiffKind.Deleted, diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(segments, DiffKind.Inserted, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            oldPosition = block.DeleteStartA + block.DeleteCountA;
        }
        Add(segments, DiffKind.Same, diff.PiecesOld.Skip(oldPosition));
        return segments;
    }

    private static void Add(List<DiffSegment> segments, DiffKind kind, IEnumerable<string> pieces)
    {
        var text = string.Concat(pieces);
        if (text.Length == 0)
            return;
        if (segments.Count > 0 && segments[^1].Kind == kind)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else
            segments.Add(new DiffSegment(kind, text));
    }
}
