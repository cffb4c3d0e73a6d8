using Deliberation.Client.Api;
using Deliberation.Domain.History;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// Who signed which text hash and when, the heads the frozen text binds and where the history stands
/// now, and the Verify button that checks all of them against the log the viewer downloads.
/// </summary>
public sealed partial class ReviewSignatures
{
    [Parameter, EditorRequired]
    public StatementView Statement { get; set; } = null!;

    /// <summary>The heads the timeline answered with.</summary>
    [Parameter]
    public IReadOnlyList<StreamHead> CurrentHeads { get; set; } = [];

    [Parameter, EditorRequired]
    public Func<Task<ApiResult<string>>> LoadLog { get; set; } = null!;

    private IReadOnlyList<StreamHead> HeadsToCheck =>
        [.. (Statement.Frozen?.Heads?.All() ?? []).Concat(CurrentHeads)];

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;
}
