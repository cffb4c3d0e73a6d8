using Deliberation.Client.Components;

namespace Deliberation.Client.Tests;

public sealed class ExportMenuTests : ComponentTest
{
    private static readonly Guid DialogueId = Guid.NewGuid();
    private static readonly Guid StatementId = Guid.NewGuid();

    private IRenderedComponent<ExportMenu> RenderMenu() => Render<ExportMenu>(p => p
        .Add(x => x.DialogueId, DialogueId)
        .Add(x => x.StatementId, StatementId)
        .Add(x => x.StatementTitle, "Venice Consensus: AI safety as a global public good"));

    private static Dictionary<string, string> QueryOf(string href)
    {
        var uri = new Uri(new Uri("http://localhost/"), href);
        Assert.Equal($"/api/dialogues/{DialogueId}/statements/{StatementId}/export", uri.AbsolutePath);
        return uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("json")]
    [InlineData("docx")]
    [InlineData("pdf")]
    public void EachFormatLinksToTheExportWithThatFormat(string format)
    {
        var cut = RenderMenu();

        var link = cut.Find($"[data-testid='export-{format}']");
        var query = QueryOf(link.GetAttribute("href")!);

        Assert.Equal(format, query["format"]);
        Assert.False(query.ContainsKey("clean"));
    }

    [Fact]
    public void TheCleanToggleAddsCleanToEveryLinkAndTheCompilationToggleRemovesIt()
    {
        var cut = RenderMenu();

        cut.Find("[data-testid='export-clean']").Change(true);
        foreach (var format in new[] { "md", "html", "json", "docx", "pdf" })
        {
            var query = QueryOf(cut.Find($"[data-testid='export-{format}']").GetAttribute("href")!);
            Assert.Equal(format, query["format"]);
            Assert.Equal("true", query["clean"]);
        }
        Assert.Equal("venice-consensus-ai-safety-as-a-global-public-good-clean.pdf", cut.Find("[data-testid='export-pdf']").GetAttribute("download"));

        cut.Find("[data-testid='export-compilation']").Change(true);
        Assert.All(cut.FindAll(".export-links a"), a => Assert.False(QueryOf(a.GetAttribute("href")!).ContainsKey("clean")));
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("zh-CN", "zh-Hans")]
    public void EveryLinkAsksForTheDocumentsWordsInTheInterfacesLanguage(string interfaceCulture, string asked)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(interfaceCulture);
        try
        {
            var cut = RenderMenu();

            Assert.All(cut.FindAll(".export-links a"), a => Assert.Equal(asked, QueryOf(a.GetAttribute("href")!)["culture"]));
            Assert.EndsWith($"&culture={asked}", Deliberation.Client.Api.DeliberationApi.ReviewReportPath(DialogueId, StatementId, "pdf"), StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void TheMenuOpensFromItsToggleAndClosesOnEscape()
    {
        var cut = RenderMenu();
        var menu = () => cut.Find("[data-testid='export-menu']");

        Assert.False(menu().HasAttribute("open"));
        cut.Find("[data-testid='export-toggle']").Click();
        Assert.True(menu().HasAttribute("open"));
        Assert.Equal("true", cut.Find("[data-testid='export-toggle']").GetAttribute("aria-expanded"));

        menu().KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        Assert.False(menu().HasAttribute("open"));
    }

    [Fact]
    public void TheWebPageOpensInANewTabAndTheOthersDownload()
    {
        var cut = RenderMenu();

        Assert.Equal("_blank", cut.Find("[data-testid='export-html']").GetAttribute("target"));
        Assert.Equal("venice-consensus-ai-safety-as-a-global-public-good.md", cut.Find("[data-testid='export-md']").GetAttribute("download"));
        Assert.Equal("venice-consensus-ai-safety-as-a-global-public-good.docx", cut.Find("[data-testid='export-docx']").GetAttribute("download"));
    }

    [Theory]
    [InlineData("Joint statement", "joint-statement")]
    [InlineData("  人工智能安全 — 共识  ", "人工智能安全-共识")]
    [InlineData("???", "statement")]
    public void FileNamesComeFromTheTitle(string title, string slug) => Assert.Equal(slug, ExportMenu.Slug(title));
}
