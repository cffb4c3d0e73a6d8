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

    private static string Source(RevisionView revision) => revision.Source switch
    {
        RevisionSource.Draft => "first draft",
        RevisionSource.Edit => "edit",
        RevisionSource.Amendment => "accepted amendment",
        RevisionSource.Alternative => "alternative added",
        RevisionSource.Resolution => "bracket resolved",
        _ => revision.Source.ToString(),
    };
}
