using Deliberation.Client.Api;
using Deliberation.Client.Review;
using Deliberation.Domain.History;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

public enum VerifyState { Idle, Checking, Good, Broken, Failed }

/// <summary>
/// The Verify button: downloads the viewer's redacted log and checks it in the browser
/// (<see cref="ChainCheck"/>), then says "chain whole, N events, heads match" or which event breaks.
/// </summary>
public sealed partial class ChainVerification
{
    private ChainCheckResult? result;
    private ApiProblem? problem;
    private string progress = "";

    /// <summary>Fetches the log's text (the page passes the API's; a test, a log of its own).</summary>
    [Parameter, EditorRequired]
    public Func<Task<ApiResult<string>>> LoadLog { get; set; } = null!;

    /// <summary>The heads the log must contain: the frozen text's and the timeline's.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<StreamHead> Heads { get; set; } = [];

    public VerifyState State { get; private set; } = VerifyState.Idle;

    private async Task VerifyAsync()
    {
        State = VerifyState.Checking;
        progress = L["DownloadingTheLog"];
        StateHasChanged();
        var log = await LoadLog();
        if (!log.Ok)
        {
            problem = log.Problem;
            State = VerifyState.Failed;
            return;
        }
        progress = L["CheckingTheChainsNow"];

        StateHasChanged();
        // Let the progress paint before the hashing, which runs on the browser's one thread.
        await Task.Yield();
        result = ChainCheck.Run(log.Value!, Heads);
        State = result.Good ? VerifyState.Good : VerifyState.Broken;
    }
}
