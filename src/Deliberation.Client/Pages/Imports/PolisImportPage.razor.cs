using System.Globalization;
using Deliberation.Client.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Deliberation.Client.Pages.Imports;

/// <summary>
/// An organiser uploads a Pol.is export and follows the import to its end (docs/api.md, "Pol.is imports"):
/// the files go up in one request, the answer is a job, and the page asks after it every half second
/// until it is done (a link to the new dialogue) or failed (the problem, and that nothing was imported).
/// </summary>
public sealed partial class PolisImportPage : IDisposable
{
    /// <summary>The server's default limit on one file (docs/api.md, "Limits"); a larger one is refused before it is sent.</summary>
    internal const long MaxFileBytes = 256L * 1024 * 1024;

    internal static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>The export's files by Pol.is's names; each one's label and hint are Imports.resx's <c>File_</c> and <c>Hint_</c> with its key.</summary>
    private static readonly (string Key, string Name)[] Files =
    [
        ("comments", "comments.csv"),
        ("participants-votes", "participants-votes.csv"),
        ("votes", "votes.csv"),
    ];

    private readonly Dictionary<string, IBrowserFile> picked = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource leaving = new();
    private bool? signedIn;
    private string title = "";
    private string status = "";
    private ApiProblem? problem;
    private ImportJobView? job;
    private bool sending;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    private bool Running => sending || job is { State: "reading" or "writing" };

    private bool Ready => picked.ContainsKey("comments.csv") && picked.ContainsKey("participants-votes.csv");

    protected override async Task OnInitializedAsync()
    {
        var account = await Api.AccountStatusAsync();
        signedIn = account.Value?.SignedIn == true;
    }

    private void Pick(string name, InputFileChangeEventArgs e)
    {
        problem = null;
        if (e.File.Size > MaxFileBytes)
        {
            picked.Remove(name);
            status = L["FileTooLarge", e.File.Name, Size(MaxFileBytes)];
            return;
        }
        picked[name] = e.File;
        status = "";
    }

    private async Task StartAsync()
    {
        if (!Ready || Running)
            return;
        sending = true;
        problem = null;
        job = null;
        status = L["Uploading"];
        try
        {
            var files = picked.Select(p => new PolisExportFile(p.Key, () => p.Value.OpenReadStream(MaxFileBytes))).ToList();
            var started = await Api.StartPolisImportAsync(title, files);
            if (started.Value is not { } first)
            {
                problem = started.Problem;
                status = L["FilesRefused"];
                return;
            }
            job = first;
            status = L["UploadedImporting"];
        }
        finally
        {
            sending = false;
        }
        await FollowAsync(job.JobId);
    }

    private async Task FollowAsync(Guid jobId)
    {
        while (job is { State: "reading" or "writing" } && !leaving.IsCancellationRequested)
        {
            StateHasChanged();
            try
            {
                await Task.Delay(PollEvery, leaving.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var next = await Api.GetImportJobAsync(jobId);
            if (next.Value is { } view)
                job = view;
            else if (next.Problem is { } lost)
            {
                // The job is gone (the server restarted): whatever it had staged was discarded with it.
                problem = lost;
                job = null;
            }
        }
        status = job?.State switch
        {
            "done" => L["ImportDone"],
            "failed" => L["ImportFailed"],
            _ => status,
        };
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:F0} KiB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024):F1} MiB"),
    };


    public void Dispose()
    {
        leaving.Cancel();
        leaving.Dispose();
    }
}
