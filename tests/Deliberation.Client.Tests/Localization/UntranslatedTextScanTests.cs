namespace Deliberation.Client.Tests.Localization;

/// <summary>
/// No string in a component that a translator cannot reach (docs/architecture.md, "The interface's
/// languages"): every .razor file's readable text goes through the localizer. Files not yet moved
/// to resources are listed, and the list only shrinks: a listed file that is clean fails the test,
/// so whoever finishes a page must also strike it off.
/// </summary>
public sealed class UntranslatedTextScanTests
{
    private static readonly HashSet<string> NotYetTranslated =
    [
        "src/Deliberation.Client/Components/ChainVerification/ChainVerification.razor",
        "src/Deliberation.Client/Components/ClauseStoryPanel/ClauseStoryPanel.razor",
        "src/Deliberation.Client/Components/FundingZoneOverTime/FundingZoneOverTime.razor",
        "src/Deliberation.Client/Components/ImportProgress/ImportProgress.razor",
        "src/Deliberation.Client/Components/MomentComparisonView/MomentComparisonView.razor",
        "src/Deliberation.Client/Components/MomentScrubber/MomentScrubber.razor",
        "src/Deliberation.Client/Components/MomentTimeline/MomentTimeline.razor",
        "src/Deliberation.Client/Components/ReviewSignatures/ReviewSignatures.razor",
        "src/Deliberation.Client/Components/StatementAtMoment/StatementAtMoment.razor",
        "src/Deliberation.Client/Components/StatusOverTimeChart/StatusOverTimeChart.razor",
        "src/Deliberation.Client/Components/TextDiff/TextDiff.razor",
        "src/Deliberation.Client/Pages/Account/AccountForm.razor",
        "src/Deliberation.Client/Pages/Account/AccountPage.razor",
        "src/Deliberation.Client/Pages/Account/FirstAccountPage.razor",
        "src/Deliberation.Client/Pages/Account/RegisterPage.razor",
        "src/Deliberation.Client/Pages/Account/SignInPage.razor",
        "src/Deliberation.Client/Pages/Dialogues/DialogueListPage.razor",
        "src/Deliberation.Client/Pages/Imports/PolisImportPage.razor",
        "src/Deliberation.Client/Pages/NotFound/NotFoundPage.razor",
        "src/Deliberation.Client/Pages/Projector/ProjectorPage.razor",
        "src/Deliberation.Client/Pages/Review/ReviewPage.razor",
        "src/Deliberation.Client/Pages/Review/StatementReviewRedirect.razor",
    ];

    private static IEnumerable<string> RazorFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "Deliberation.Client"), "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_text_a_person_reads_goes_through_the_localizer()
    {
        var untranslated = RazorFiles()
            .Select(f => (File: RepositoryFiles.RelativePath(f), Findings: RazorTextScanner.Findings(File.ReadAllText(f))))
            .Where(f => f.Findings.Count > 0 && !NotYetTranslated.Contains(f.File))
            .SelectMany(f => f.Findings.Select(finding => $"{f.File}: {finding}"))
            .ToList();

        Assert.True(untranslated.Count == 0, "Text a translator cannot reach:\n" + string.Join("\n", untranslated));
    }

    [Fact]
    public void The_list_of_pages_still_to_translate_only_shrinks()
    {
        var clean = NotYetTranslated
            .Where(f => !File.Exists(Path.Combine(RepositoryFiles.Root, f)) || RazorTextScanner.Findings(File.ReadAllText(Path.Combine(RepositoryFiles.Root, f))).Count == 0)
            .ToList();

        Assert.True(clean.Count == 0, "Translated (or gone), strike off the list: " + string.Join(", ", clean));
    }

    [Fact]
    public void The_room_and_the_app_bar_are_translated()
    {
        Assert.DoesNotContain("src/Deliberation.Client/Pages/Room/RoomPage.razor", NotYetTranslated);
        Assert.DoesNotContain("src/Deliberation.Client/Layout/ShellLayout.razor", NotYetTranslated);
    }

    [Theory]
    [InlineData("<MudText>Opening the room…</MudText>")]
    [InlineData("<span>· you are <b>@name</b></span>")]
    [InlineData("<MudButton Title=\"Close\" />")]
    [InlineData("<a aria-label=\"Your dialogues\">x</a>")]
    [InlineData("<MudTextField Label=\"Clause @n\" />")]
    [InlineData("<p>@(busy ? \"Saving the text\" : \"\")</p>")]
    [InlineData("<p>@(n == 1 ? $\"clause {n}\" : null)</p>")]
    [InlineData("<p>\n    Two lines of\n    plain text\n</p>")]
    public void The_scan_finds_text_outside_the_localizer(string razor) =>
        Assert.NotEmpty(RazorTextScanner.Findings(razor));

    [Theory]
    [InlineData("<MudText>@L[\"OpeningTheRoom\"]</MudText>")]
    [InlineData("<span>· @L[\"YouAre\"] <b>@dialogue.You.DisplayName</b> (@Presentation.Label(role))</span>")]
    [InlineData("<a aria-label=\"@L[\"Brand\"]\" class=\"brand\">Deliberation</a>")]
    [InlineData("<p>@(busy ? L[\"Saving\"] : \"\") – × % @count/@limit</p>")]
    [InlineData("<div class=\"@(wide ? \"funding-grid\" : \"\")\" data-testid=\"zone\"></div>")]
    [InlineData("<span class=\"@(over ? \"length-counter length-over\" : \"length-counter muted\")\"></span>")]
    [InlineData("@if (x)\n{\n    <b>@L[\"Key\"]</b>\n}\nelse\n{\n}")]
    [InlineData("@* A comment a developer reads. *@<b>@L[\"Key\"]</b>")]
    [InlineData("<b>@L[\"Key\"]</b>\n@code {\n    private string hint = \"Not markup\";\n}")]
    public void The_scan_leaves_localized_text_symbols_and_code_alone(string razor) =>
        Assert.Empty(RazorTextScanner.Findings(razor));
}
