using System.Diagnostics;
using System.Text.Json.Nodes;
using Deliberation.Persistence;

namespace Deliberation.Verify.Tests;

/// <summary>
/// The offline verifier over a log downloaded as a delegate of the demo from a real server: the log
/// as downloaded verifies against the heads the export printed; each kind of tampering is caught and
/// names the first bad event; a head that is not in the log is reported (docs/security.md,
/// "Verifiable history").
/// </summary>
[Collection(DemoLogCollection.Name)]
public sealed class LogVerifierTests(DemoLogFixture demo)
{
    private string StatementStream => $"statement-{demo.StatementId:N}";

    private IReadOnlyList<HeadClaim> ExportedHeads =>
        [.. demo.ExportedHeads.Select(h => new HeadClaim(h.Hash, h.StreamId, h.Version))];

    private static LogVerification Verify(IEnumerable<string> lines, IReadOnlyList<HeadClaim>? heads = null) =>
        LogVerifier.Verify([.. lines.Select((text, i) => LogLine.Parse(text, i + 1))], heads ?? []);

    [Fact]
    public void TheLogAsADelegateDownloadsItVerifiesAgainstTheExportedHeads()
    {
        var result = Verify(demo.Lines, ExportedHeads);

        Assert.True(result.IsGood, Report(result));
        Assert.Equal(2, result.Heads.Count);
        Assert.All(result.Heads, h => Assert.Equal(0, h.EventsAfter));
        // Her own events and every event she may see whole were checked against their leaf; others' positions only by their link.
        var leaves = result.Streams.Sum(s => s.LeavesChecked);
        Assert.InRange(leaves, 1, demo.Lines.Count - 1);
        Assert.Equal(demo.Lines.Count(l => JsonNode.Parse(l)!["salt"] is not null), leaves);
    }

    [Fact]
    public void AChangedPayloadIsNamedAsALeafMismatch()
    {
        // Her own position, changed to a Block (the issue's tampering, seen from the delegate's side).
        var (index, line) = First(l => l["type"]!.GetValue<string>() == "PositionTaken" && l["payload"] is not null);
        var payload = line["payload"]!.GetValue<string>();
        var changed = System.Text.RegularExpressions.Regex.Replace(payload, "\"position\":\"[A-Za-z]+\"", "\"position\":\"Block\"");
        if (changed == payload)
            changed = payload.Replace("\"position\":\"Block\"", "\"position\":\"Support\"", StringComparison.Ordinal);
        line["payload"] = changed;

        AssertBreak(With(index, line), line, ChainProblems.LeafMismatch);
    }

    [Fact]
    public void AChangedSaltIsNamedAsALeafMismatch()
    {
        var (index, line) = First(l => l["salt"] is not null && l["streamId"]!.GetValue<string>() == StatementStream);
        line["salt"] = Flip(line["salt"]!.GetValue<string>());

        AssertBreak(With(index, line), line, ChainProblems.LeafMismatch);
    }

    [Fact]
    public void AChangedHashIsNamedAsAHashMismatch()
    {
        // An opaque entry: its content is not hers to check, but its link is.
        var (index, line) = First(l => l["type"]!.GetValue<string>() == "Hidden" && l["streamId"]!.GetValue<string>() == StatementStream);
        line["hash"] = Flip(line["hash"]!.GetValue<string>());

        AssertBreak(With(index, line), line, ChainProblems.HashMismatch);
    }

    [Fact]
    public void ADeletedEventIsNamedAsAMissingVersion()
    {
        var (index, line) = Middle();
        var lines = demo.Lines.Where((_, i) => i != index);

        AssertBreak(lines, line, ChainProblems.MissingVersion);
    }

    [Fact]
    public void TwoSwappedEventsAreNamedAsOutOfOrder()
    {
        var (index, line) = Middle();
        var next = demo.Lines.Select((text, i) => (text, i)).First(x => x.i > index && JsonNode.Parse(x.text)!["streamId"]!.GetValue<string>() == StatementStream).i;
        var lines = demo.Lines.ToArray();
        (lines[index], lines[next]) = (lines[next], lines[index]);

        AssertBreak(lines, line, ChainProblems.VersionOrder);
    }

    [Fact]
    public void AHeadThatIsNotInTheLogIsReported()
    {
        var real = ExportedHeads[1];
        var wrongHash = real with { Hash = Flip(real.Hash) };
        var wrongVersion = real with { Version = real.Version - 1 };
        var anywhere = new HeadClaim(Flip(real.Hash));

        var result = Verify(demo.Lines, [wrongHash, wrongVersion, anywhere]);

        Assert.False(result.IsGood);
        Assert.All(result.Streams, s => Assert.True(s.Chain.IsIntact));
        Assert.All(result.Heads, h => Assert.False(h.Holds));
        Assert.Contains($"not this one", result.Heads[0].Problem);
    }

    [Fact]
    public void AHeadFoundEarlierInTheLogSaysHowManyEventsFollowIt()
    {
        var real = ExportedHeads[1];
        var earlier = JsonNode.Parse(demo.Lines.First(l => JsonNode.Parse(l)!["streamId"]!.GetValue<string>() == real.StreamId && JsonNode.Parse(l)!["version"]!.GetValue<long>() == real.Version!.Value - 3))!;

        var result = Verify(demo.Lines, [new HeadClaim(earlier["hash"]!.GetValue<string>())]);

        var head = Assert.Single(result.Heads);
        Assert.True(head.Holds, head.Problem);
        Assert.Equal((real.StreamId, real.Version - 3, 3L), (head.StreamId, head.Version, head.EventsAfter));
    }

    [Fact]
    public async Task TheConsoleSaysIntactOrNamesTheBadEventAndAnswersWithItsExitCode()
    {
        var good = Path.Combine(demo.Folder, "good.jsonl");
        await File.WriteAllLinesAsync(good, demo.Lines);
        var (index, line) = First(l => l["salt"] is not null && l["streamId"]!.GetValue<string>() == StatementStream);
        line["salt"] = Flip(line["salt"]!.GetValue<string>());
        var bad = Path.Combine(demo.Folder, "bad.jsonl");
        await File.WriteAllLinesAsync(bad, With(index, line));
        var heads = ExportedHeads.SelectMany(h => new[] { "--head", h.ToString() }).ToArray();

        var (ok, okOutput) = await RunAsync([good, .. heads]);
        var (broken, brokenOutput) = await RunAsync([bad, .. heads]);
        var (unusable, _) = await RunAsync([Path.Combine(demo.Folder, "no-such-file.jsonl")]);
        var (badHead, _) = await RunAsync([good, "--head", "not-a-hash"]);

        Assert.True(ok == 0, okOutput);
        Assert.Contains("intact", okOutput);
        Assert.Equal(1, broken);
        Assert.Contains($"{StatementStream}: BROKEN at version {line["version"]} (leaf-mismatch)", brokenOutput);
        Assert.Equal(2, unusable);
        Assert.Equal(2, badHead);
    }

    private void AssertBreak(IEnumerable<string> lines, JsonNode bad, string problem)
    {
        var result = Verify(lines, ExportedHeads);

        Assert.False(result.IsGood);
        var stream = Assert.Single(result.Streams, s => !s.Chain.IsIntact);
        Assert.Equal(bad["streamId"]!.GetValue<string>(), stream.Chain.StreamId);
        Assert.Equal((bad["version"]!.GetValue<long>(), problem), (stream.Chain.FirstBreak!.Version, stream.Chain.FirstBreak.Problem));
        // The head printed after the break can no longer be vouched for.
        Assert.False(result.Heads.Single(h => h.Claim.StreamId == stream.Chain.StreamId).Holds);
    }

    private (int Index, JsonObject Line) First(Func<JsonObject, bool> where)
    {
        for (var i = 0; i < demo.Lines.Count; i++)
        {
            var line = JsonNode.Parse(demo.Lines[i])!.AsObject();
            if (where(line))
                return (i, line);
        }
        throw new InvalidOperationException("The demo log has no such line.");
    }

    /// <summary>An event of the statement stream in the middle of its chain (not its first, not its last).</summary>
    private (int Index, JsonObject Line) Middle()
    {
        var statement = demo.Lines.Select((text, i) => (Node: JsonNode.Parse(text)!.AsObject(), i)).Where(x => x.Node["streamId"]!.GetValue<string>() == StatementStream).ToList();
        var middle = statement[statement.Count / 2];
        return (middle.i, middle.Node);
    }

    private IEnumerable<string> With(int index, JsonObject line) =>
        demo.Lines.Select((text, i) => i == index ? line.ToJsonString() : text);

    private static string Flip(string hex) => (hex[0] == '0' ? '1' : '0') + hex[1..];

    private static string Report(LogVerification result)
    {
        var writer = new StringWriter();
        VerifyCommand.Report("log", result, writer);
        return writer.ToString();
    }

    /// <summary>Runs the verifier as a reader would: its own process.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Deliberation.Verify.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
