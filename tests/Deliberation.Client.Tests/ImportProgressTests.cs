using System.Net;
using System.Text;
using Bunit;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Client.Pages.Imports;
using Deliberation.Contracts.Http;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Client.Tests;

/// <summary>
/// Issue 10, imports of any size: the organiser sees the job's progress (rows read, events written, time
/// left, a progress bar screen readers can read), then a link to the new dialogue or the error with what to do next.
/// </summary>
public sealed class ImportProgressTests : ComponentTest
{
    private static readonly Guid JobId = Guid.NewGuid();

    private static ImportJobView Writing(long written, double? secondsLeft) =>
        new(JobId, "writing", 2_118, 51_564, written, secondsLeft, null, null);

    [Fact]
    public void ARunningImportShowsItsBarRowsEventsAndTimeLeft()
    {
        var cut = Render<ImportProgress>(p => p.Add(x => x.Job, Writing(20_626, 3.2)));

        var bar = cut.Find("[role=progressbar]");
        Assert.Equal("40", bar.GetAttribute("aria-valuenow"));
        Assert.Equal("Import progress", bar.GetAttribute("aria-label"));
        Assert.Equal("2,118", cut.Find("[data-testid='import-rows']").TextContent);
        Assert.Equal("20,626 of about 51,564", cut.Find("[data-testid='import-events']").TextContent);
        Assert.Equal("about 4 s", cut.Find("[data-testid='import-time-left']").TextContent);
    }

    [Fact]
    public void BeforeTheFirstBatchTheTimeLeftIsBeingEstimated()
    {
        var cut = Render<ImportProgress>(p => p.Add(x => x.Job, Writing(0, null)));

        Assert.Equal("0", cut.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Equal("estimating…", cut.Find("[data-testid='import-time-left']").TextContent);
    }

    [Fact]
    public void AFinishedImportLinksToItsDialogue()
    {
        var dialogue = Guid.NewGuid();
        var cut = Render<ImportProgress>(p => p.Add(x => x.Job,
            new ImportJobView(JobId, "done", 2_118, 51_564, 51_564, 0, new ImportedConversation(dialogue, Guid.NewGuid(), 197, 1_921, 49_443), null)));

        Assert.Equal($"/dialogues/{dialogue}", cut.Find("[data-testid='import-open-dialogue']").GetAttribute("href"));
        Assert.Contains("1,921 participants with 49,443 positions on 197 clauses", cut.Find("[data-testid='import-done']").TextContent);
        Assert.Empty(cut.FindAll("[role=progressbar]"));
    }

    [Theory]
    [InlineData("polis.votes-mismatch", "Fix the file the message names")]
    [InlineData("import.failed", "If it fails twice, tell the operator")]
    [InlineData("roster.too-large", "change what the message names")]
    public void AFailedImportSaysNothingWasImportedAndWhatToDoNext(string rule, string nextStep)
    {
        var cut = Render<ImportProgress>(p => p.Add(x => x.Job,
            new ImportJobView(JobId, "failed", 10, 100, 0, null, null, new ImportJobError(rule, "Something the server says."))));

        Assert.Contains("Nothing was imported.", cut.Find("[data-testid='import-failed']").TextContent);
        Assert.Contains("Something the server says.", cut.Find("[data-testid='import-failed']").TextContent);
        Assert.Contains(nextStep, cut.Find("[data-testid='import-next-step']").TextContent);
    }

    [Fact]
    public void ThePageUploadsTheFilesByTheirPolisNamesThenFollowsTheJobToItsDialogue()
    {
        var dialogue = Guid.NewGuid();
        var server = new FakeImportServer(
            Writing(0, null),
            Writing(30_000, 2),
            new ImportJobView(JobId, "done", 2_118, 51_564, 51_564, 0, new ImportedConversation(dialogue, Guid.NewGuid(), 197, 1_921, 49_443), null));
        Services.AddSingleton(new DeliberationApi(new HttpClient(server) { BaseAddress = new Uri("http://localhost/") }));
        var cut = Render<PolisImportPage>();
        cut.WaitForElement("[data-testid='import-form']");

        Assert.True(cut.Find("[data-testid='import-start']").HasAttribute("disabled"));
        cut.Find("[data-testid='import-title']").Input("vTaiwan: Uber");
        var inputs = cut.FindComponents<InputFile>();
        inputs[0].UploadFiles(InputFileContent.CreateFromText("comment-id,comment-body\n", "my-comments.csv"));
        inputs[1].UploadFiles(InputFileContent.CreateFromText("participant,group-id\n", "pv.csv"));
        cut.Find("[data-testid='import-form']").Submit();

        cut.WaitForElement("[data-testid='import-open-dialogue']", TimeSpan.FromSeconds(10));
        Assert.Equal($"/dialogues/{dialogue}", cut.Find("[data-testid='import-open-dialogue']").GetAttribute("href"));
        // Each part is named as Pol.is names the file, whatever the file on disk was called; votes.csv was not picked.
        Assert.Matches(@"; name=""?comments\.csv""?;", server.Upload);
        Assert.Matches(@"; name=""?participants-votes\.csv""?;", server.Upload);
        Assert.DoesNotMatch(@"; name=""?votes\.csv", server.Upload);
        Assert.Contains("vTaiwan: Uber", server.Upload);
        Assert.True(server.Polls >= 2);
    }

    [Fact]
    public void ARefusedUploadShowsTheProblemAndThatNothingWasImported()
    {
        var server = new FakeImportServer() { Refusal = """{"rule":"polis.missing-column","title":"comments.csv has no column comment-body.","status":400}""" };
        Services.AddSingleton(new DeliberationApi(new HttpClient(server) { BaseAddress = new Uri("http://localhost/") }));
        var cut = Render<PolisImportPage>();
        cut.WaitForElement("[data-testid='import-form']");
        var inputs = cut.FindComponents<InputFile>();
        inputs[0].UploadFiles(InputFileContent.CreateFromText("comment-id\n", "comments.csv"));
        inputs[1].UploadFiles(InputFileContent.CreateFromText("participant,group-id\n", "participants-votes.csv"));
        cut.Find("[data-testid='import-form']").Submit();

        cut.WaitForElement("[data-testid='import-problem']");
        Assert.Contains("Nothing was imported.", cut.Find("[data-testid='import-problem']").TextContent);
        Assert.Contains("comments.csv has no column comment-body.", cut.Find("[data-testid='import-problem']").TextContent);
    }

    /// <summary>The server's side of the conversation: signed in, then the 202 with the first view, then one view per poll.</summary>
    private sealed class FakeImportServer(params ImportJobView[] views) : HttpMessageHandler
    {
        private int next;

        public string Upload { get; private set; } = "";

        public string? Refusal { get; init; }

        public int Polls { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/api/account")
                return Json(HttpStatusCode.OK, """{"signedIn":true,"email":"ada@example.test","displayName":"Ada","setupNeeded":false}""");
            if (path == "/api/imports/polis")
            {
                Upload = await request.Content!.ReadAsStringAsync(cancellationToken);
                return Refusal is { } refusal ? Json(HttpStatusCode.BadRequest, refusal) : Json(HttpStatusCode.Accepted, Serialize(views[next++]));
            }
            Polls++;
            return Json(HttpStatusCode.OK, Serialize(views[Math.Min(next++, views.Length - 1)]));
        }

        private static string Serialize(ImportJobView view) =>
            System.Text.Json.JsonSerializer.Serialize(view, Deliberation.Contracts.Json.WireJson.Options);

        private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
