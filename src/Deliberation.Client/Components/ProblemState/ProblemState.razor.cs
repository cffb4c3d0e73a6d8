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
        { NeedsSignIn: true } => L["SignInWithInvite"],
        { IsForbidden: true } => L["NotOpenToYou"],
        { IsNotFound: true } => L["NotFound"],
        { Status: null } => L["ServerUnreachable"],
        _ => L["SomethingWentWrong"],
    };

    private void Reload() => Navigation.Refresh(forceReload: true);
}
