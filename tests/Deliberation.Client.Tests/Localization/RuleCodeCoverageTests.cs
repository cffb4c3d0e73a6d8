using System.Text.RegularExpressions;

namespace Deliberation.Client.Tests.Localization;

/// <summary>
/// Every rule code the code base can refuse with has its message in Problems.resx and
/// Problems.zh-Hans.resx, so a reader in Chinese never meets an English refusal for want of an
/// entry (docs/architecture.md, "The interface's languages"). The codes are found by reading the
/// source: each dotted literal such as "phase.not-allowed", and the codes the domain's text checks
/// build from a field's name ("title.required", "title.too-long", "title.control-characters").
/// </summary>
public sealed partial class RuleCodeCoverageTests
{
    private const string Resources = "src/Deliberation.Client/Resources";

    /// <summary>Rule codes other branches add and this one must already carry (they arrive at the merge).</summary>
    private static readonly string[] ExpectedFromElsewhere = ["dialogue.source-language-fixed"];

    [Fact]
    public void The_scan_finds_the_rule_codes_of_every_layer()
    {
        // Guards the next test from passing on an empty scan: codes from the domain, the server's
        // edge, the accounts, the imports and the browser client itself.
        var codes = RuleCodesInSource();
        Assert.True(codes.Count > 200, $"Only {codes.Count} rule codes found.");
        Assert.Superset(
            new HashSet<string>(["phase.not-allowed", "freeze.stale-translation", "request.too-large", "account.sign-in-failed",
                "polis.missing-column", "network.unreachable", "title.too-long", "name.required", "culture.unsupported"]),
            codes);
        Assert.DoesNotContain("comments.csv", codes);
    }

    [Fact]
    public void Every_rule_code_has_a_message_in_English_and_in_Chinese()
    {
        var english = ResourceParityTests.Texts(Path.Combine(RepositoryFiles.Root, Resources, "Problems.resx"));
        var chinese = ResourceParityTests.Texts(Path.Combine(RepositoryFiles.Root, Resources, "Problems.zh-Hans.resx"));
        var codes = RuleCodesInSource().Concat(ExpectedFromElsewhere).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Empty(codes.Where(c => !english.ContainsKey(c)).Select(c => $"no English message: {c}"));
        Assert.Empty(codes.Where(c => !chinese.ContainsKey(c)).Select(c => $"no Chinese message: {c}"));
    }

    /// <summary>The codes written in the source under src/, comments left out (they quote examples such as "slot.option").</summary>
    internal static HashSet<string> RuleCodesInSource()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var path = RepositoryFiles.RelativePath(file);
            if (path.Contains("/obj/", StringComparison.Ordinal) || path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/Migrations/", StringComparison.Ordinal))
                continue;
            var code = string.Join('\n', File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            foreach (Match literal in DottedLiteral().Matches(code))
                if (!FileExtensions.Contains(literal.Groups["last"].Value))
                    codes.Add(literal.Groups["code"].Value);
            foreach (Match check in FieldCheck().Matches(code))
                foreach (var suffix in new[] { "required", "too-long", "control-characters" })
                    codes.Add($"{check.Groups["field"].Value}.{suffix}");
        }
        return codes;
    }

    /// <summary>Dotted literals that are file names (export and download names), not rules.</summary>
    private static readonly HashSet<string> FileExtensions = ["csv", "txt", "db", "html", "zip", "json", "jsonl", "md", "pdf", "docx", "png", "js", "css"];

    [GeneratedRegex(@"""(?<code>[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.(?<last>[a-z0-9]+(?:-[a-z0-9]+)*))""")]
    private static partial Regex DottedLiteral();

    // Check.Text(value, "field", …) and Check.TooLong(value, "field", …): the domain's field checks (Domain/Common/Check.cs).
    [GeneratedRegex(@"Check\.(?:Text|TooLong)\([^,()]+(?:\([^()]*\))?[^,()]*,\s*""(?<field>[A-Za-z]+)""")]
    private static partial Regex FieldCheck();
}
