namespace Deliberation.Client.Tests.Localization;

/// <summary>
/// No string in a component that a translator cannot reach (docs/architecture.md, "The interface's
/// languages"): every .razor file's readable text goes through the localizer. There is no list of
/// exceptions: a page with text outside the localizer fails here, whoever adds it.
/// </summary>
public sealed class UntranslatedTextScanTests
{
    private static IEnumerable<string> RazorFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "Deliberation.Client"), "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_text_a_person_reads_goes_through_the_localizer()
    {
        var files = RazorFiles().ToList();
        var untranslated = files
            .SelectMany(f => RazorTextScanner.Findings(File.ReadAllText(f)).Select(finding => $"{RepositoryFiles.RelativePath(f)}: {finding}"))
            .ToList();

        Assert.True(files.Count > 40, $"The scan found only {files.Count} .razor files: is the repository root right?");
        Assert.True(untranslated.Count == 0, "Text a translator cannot reach:\n" + string.Join("\n", untranslated));
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
