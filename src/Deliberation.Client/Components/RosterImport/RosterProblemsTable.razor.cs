using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A refused roster file's problems, one table row each: the file's row, its column, and what to do.</summary>
public sealed partial class RosterProblemsTable
{
    /// <summary>The file's problems as the server named them.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<RosterRowProblem> Problems { get; set; } = [];

    /// <summary>The file's name as chosen, so the caption says which file is meant.</summary>
    [Parameter]
    public string FileName { get; set; } = "the file";
}
