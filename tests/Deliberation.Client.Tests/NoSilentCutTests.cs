using System.Net;
using System.Net.Http.Json;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Client.Pages.Dialogues;
using Deliberation.Contracts.Http.Accounts;
using Deliberation.Contracts.Json;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Client.Tests;

/// <summary>
/// The last boxes that cut text silently at maxlength — the merge view, the settings form and the
/// new-dialogue wizard — count and refuse instead, as the clause editor does (issue 11).
/// </summary>
public sealed class NoSilentCutTests : ComponentTest
{
    [Fact]
    public void TheMergeViewRefusesAMergedTextOverTheLimitWithoutCuttingIt()
    {
        string? committed = null;
        var cut = Render<MergeView>(p => p
            .Add(x => x.Theirs, "Theirs.")
            .Add(x => x.Yours, "Mine.")
            .Add(x => x.OnCommit, (string text) => committed = text));
        var box = cut.Find("[data-testid='merge-text']");
        Assert.False(box.HasAttribute("maxlength"));

        box.Input(new string('m', Limits.ClauseTextLength + 10));

        Assert.Contains("4,010 / 4,000", cut.Find("[data-testid='merge-length']").TextContent);
        Assert.Contains("10 characters over the limit", cut.Find("[data-testid='merge-length-over']").TextContent);
        Assert.True(cut.Find("[data-testid='merge-commit']").HasAttribute("disabled"));
        Assert.Null(committed);

        cut.Find("[data-testid='merge-text']").Input(new string('m', Limits.ClauseTextLength));
        cut.Find("[data-testid='merge-commit']").Click();
        Assert.Equal(Limits.ClauseTextLength, committed?.Length);
    }

    [Theory]
    [InlineData("settings-title", Limits.TitleLength, "The title has more than 200 characters.")]
    [InlineData("settings-venue", Limits.ShortTextLength, "The venue has more than 200 characters.")]
    [InlineData("settings-description", Limits.ClauseTextLength, "The description has more than 4,000 characters.")]
    public void TheSettingsFormRefusesOverLongTextWithoutCuttingIt(string box, int limit, string reason)
    {
        DialogueSettings? saved = null;
        var cut = Render<SettingsForm>(p => p
            .Add(x => x.Settings, new DialogueSettings("IDAIS Venice", Venue: "Venice"))
            .Add(x => x.OnSave, (DialogueSettings s) => saved = s));
        Assert.Empty(cut.FindAll("[maxlength]"));

        cut.Find($"[data-testid='{box}']").Input(new string('v', limit + 1));

        Assert.NotNull(cut.Find($"[data-testid='{box}-length-over']"));
        Assert.Equal(reason, cut.Find("[data-testid='settings-error']").TextContent);
        Assert.True(cut.Find("[data-testid='settings-save']").HasAttribute("disabled"));
        cut.Find("[data-testid='settings-form']").Submit();
        Assert.Null(saved);
    }

    [Fact]
    public void TheNewDialogueWizardRefusesAnOverLongTitleWithoutCuttingIt()
    {
        var signedIn = new AccountStatus(true, "ada@example.org", "Ada", false);
        Services.AddSingleton(new DeliberationApi(new HttpClient(new Answer(signedIn)) { BaseAddress = new Uri("http://localhost/") }));
        var cut = Render<NewDialoguePage>();
        cut.WaitForElement("[data-testid='new-title']");
        Assert.Empty(cut.FindAll("[maxlength]"));

        cut.Find("[data-testid='new-title']").Input(new string('t', Limits.TitleLength + 1));
        Assert.Contains("201 / 200", cut.Find("[data-testid='new-title-length']").TextContent);
        cut.Find("[data-testid='wizard-next']").Click();

        Assert.Equal("The title has more than 200 characters.", cut.Find("[data-testid='new-error']").TextContent);
        Assert.Equal("t", cut.Find("[data-testid='new-title']").GetAttribute("value")![..1]);
        Assert.Equal(Limits.TitleLength + 1, cut.Find("[data-testid='new-title']").GetAttribute("value")!.Length);
    }

    [Fact]
    public void TheWizardCountsTheConvenersNameAndAffiliation()
    {
        var signedIn = new AccountStatus(true, "ada@example.org", "Ada", false);
        Services.AddSingleton(new DeliberationApi(new HttpClient(new Answer(signedIn)) { BaseAddress = new Uri("http://localhost/") }));
        var cut = Render<NewDialoguePage>();
        cut.WaitForElement("[data-testid='new-title']");
        cut.Find("[data-testid='new-title']").Input("Venice");
        for (var step = 0; step < 4; step++)
            cut.Find("[data-testid='wizard-next']").Click();

        cut.Find("[data-testid='new-affiliation']").Input(new string('a', Limits.ShortTextLength + 1));
        Assert.NotNull(cut.Find("[data-testid='new-affiliation-length-over']"));
        cut.Find("[data-testid='wizard-next']").Click();

        Assert.Equal("Your affiliation has more than 200 characters.", cut.Find("[data-testid='new-error']").TextContent);
    }

    /// <summary>The server as the wizard first asks it: who is signed in.</summary>
    private sealed class Answer(AccountStatus status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(status, options: WireJson.Options) });
    }
}
