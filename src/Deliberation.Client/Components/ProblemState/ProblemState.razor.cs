using Deliberation.Client.Api;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A page that cannot show what was asked: says why, and what to do next.</summary>
public sealed partial class ProblemState
{
    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Parameter, EditorRequired]
    public ApiProblem Problem { get; set; } = null!;

    private string Heading => Problem switch
    {
        { NeedsSignIn: true } => "Sign in with your invite",
        { IsForbidden: true } => "Not open to you",
        { IsNotFound: true } => "Not found",
        { Status: null } => "The server cannot be reached",
        _ => "Something went wrong",
    };

    private void Reload() => Navigation.Refresh(forceReload: true);
}
