using DiffPlex;
using DiffPlex.Chunkers;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// A stale-base conflict made visible: the current text (theirs) and the editor's draft (yours)
/// side by side with a word diff, and a merged text to commit on the new base. Nothing typed is
/// lost: the merged box starts from a clean three-way merge when the edits do not overlap, else
/// from the draft.
/// </summary>
public sealed partial class MergeView
{
    private readonly string id = Guid.NewGuid().ToString("N")[..8];
    private string merged = "";
    private (string?, string, string)? mergedFor;

    [Parameter, EditorRequired]
    public string Theirs { get; set; } = "";

    [Parameter, EditorRequired]
    public string Yours { get; set; } = "";

    /// <summary>The text both started from, when known: lets edits that do not overlap combine by themselves.</summary>
    [Parameter]
    public string? Base { get; set; }

    [Parameter]
    public int TheirRevision { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter, EditorRequired]
    public EventCallback<string> OnCommit { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    internal bool AutoMerged { get; private set; }

    internal string Merged => merged;

    protected override void OnParametersSet()
    {
        if (mergedFor == (Base, Theirs, Yours))
            return;
        mergedFor = (Base, Theirs, Yours);
        (merged, AutoMerged) = Propose(Base, Theirs, Yours);
    }

    internal static (string Text, bool Auto) Propose(string? baseText, string theirs, string yours)
    {
        if (baseText is null || baseText == yours)
            return (yours, false);
        var result = ThreeWayDiffer.Instance.CreateMerge(baseText, theirs, yours, false, false, WordChunker.Instance);
        return result.IsSuccessful ? (string.Concat(result.MergedPieces), true) : (yours, false);
    }

    // Two drafts merged can pass the limit though neither did: refused with the counter, never cut.
    private Task CommitAsync() => TextLengthCounter.IsOver(merged) ? Task.CompletedTask : OnCommit.InvokeAsync(merged);
}
