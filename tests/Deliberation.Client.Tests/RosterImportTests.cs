using System.Net;
using System.Text;
using Bunit;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Contracts.Http;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Client.Tests;

/// <summary>Issue 11, roster by file: a refused file shows every bad row — row, column, what to do — and says nothing was imported.</summary>
public sealed class RosterImportTests : ComponentTest
{
    private const string RefusedAnswer = """
        {"type":"https://deliberation.dev/rules/roster.bad-rows","title":"The file has 2 problems, so no member was added. Fix them and import the file again.",
         "status":400,"detail":"The file has 2 problems, so no member was added. Fix them and import the file again.","rule":"roster.bad-rows",
         "rows":[{"row":3,"column":"role","message":"'chair' is no role. Use one of convener, facilitator, rapporteur, delegate, observer, or leave it empty for delegate."},
                 {"row":null,"column":null,"message":"The roster has room for 2 more members; the file has 3. Import fewer."}]}
        """;

    [Fact]
    public void TheProblemsTableHasARowPerProblemWithHeadersAndACaption()
    {
        var cut = Render<RosterProblemsTable>(p => p
            .Add(x => x.FileName, "delegates.csv")
            .Add(x => x.Problems, [new RosterRowProblem(3, "Region", "'Atlantis' is no group of Region."), new RosterRowProblem(null, null, "The file is not UTF-8.")]));

        Assert.Equal("Problems in delegates.csv — nothing was imported", cut.Find("caption").TextContent);
        Assert.Equal(["Row", "Column", "What to do"], cut.FindAll("th[scope=col]").Select(th => th.TextContent));
        var rows = cut.FindAll("[data-testid='roster-problem']").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(["3", "Region", "'Atlantis' is no group of Region."], rows[0]);
        Assert.Equal(["whole file", "—", "The file is not UTF-8."], rows[1]);
    }

    [Fact]
    public void ARefusedUploadShowsEachRowProblemAndNothingIsReportedAdded()
    {
        var handler = new Answering(HttpStatusCode.BadRequest, RefusedAnswer, "application/problem+json");
        Services.AddSingleton(new DeliberationApi(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }));
        var imported = 0;
        var cut = Render<RosterImport>(p => p
            .Add(x => x.DialogueId, Guid.NewGuid())
            .Add(x => x.Dimensions, [new Dimension("Region", ["China", "Europe"])])
            .Add(x => x.OnImported, n => imported = n));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("name,role\nAda,delegate\nBo,chair\n", "roster.csv"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid='roster-problem']").Count));
        Assert.Contains("no member was added", cut.Find("[data-testid='roster-import-status']").TextContent);
        Assert.Contains("'chair' is no role", cut.Find("[data-testid='roster-problem']").TextContent);
        Assert.Equal(0, imported);
        Assert.Equal("text/csv", handler.ContentType);
        Assert.Equal("name,role\nAda,delegate\nBo,chair\n", handler.Body);
    }

    [Fact]
    public void TheTemplateLinkAndTheColumnsAreTheDialoguesOwn()
    {
        var id = Guid.NewGuid();
        Services.AddSingleton(new DeliberationApi(new HttpClient(new Answering(HttpStatusCode.OK, "{}", "application/json")) { BaseAddress = new Uri("http://localhost/") }));
        var cut = Render<RosterImport>(p => p
            .Add(x => x.DialogueId, id)
            .Add(x => x.Dimensions, [new Dimension("Region", ["China"]), new Dimension("Sector", ["Industry"])]));

        Assert.Equal($"api/dialogues/{id}/members/import/template", cut.Find("[data-testid='roster-template']").GetAttribute("href"));
        Assert.Contains("name, affiliation, role, Region, Sector", cut.Markup);
        // The file input has a visible label naming it.
        Assert.Equal(cut.Find("input[type=file]").Id, cut.Find("label.field-label").GetAttribute("for"));
    }

    private sealed class Answering(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
    {
        public string? Body { get; private set; }

        public string? ContentType { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            ContentType = request.Content?.Headers.ContentType?.MediaType;
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        }
    }
}
