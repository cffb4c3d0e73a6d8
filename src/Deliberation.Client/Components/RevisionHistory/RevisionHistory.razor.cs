using Deliberation.Client.Api;
using Deliberation.Domain;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A clause's revisions, newest first, each as a word diff against the one before.</summary>
public sealed partial class RevisionHistory
{
    [Parameter, EditorRequired]
    public IReadOnlyList<RevisionView> Revisions { get; set; } = [];

    private IEnumerable<(RevisionView Revision, RevisionView? Previous)> Pairs =>
        Revisions.Select((r, i) => (r, i > 0 ? Revisions[i - 1] : null)).Reverse();

    /// <summary>Where a revision came from, in the reader's language (Room.resx, RevisionSource_*).</summary>
    private string Source(RevisionView revision) => L["RevisionSource_" + revision.Source];
}
