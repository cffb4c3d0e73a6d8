using System.Globalization;
using System.Text.Json;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Domain.History;
using Deliberation.Persistence;

namespace Deliberation.Client.Tests;

/// <summary>
/// The review's Verify button checks a log in the browser with the offline verifier's code: a whole
/// chain with its head matches; a changed event names the version that breaks; a head the log does
/// not hold is reported; a download that fails says what to do.
/// </summary>
public sealed class ChainVerificationTests : ComponentTest
{
    private const string Stream = "statement-0a";

    /// <summary>A log as the server writes it (docs/api.md, "Events and their commitments"), chained with the one definition of the chain.</summary>
    private static (string Log, StreamHead Head) LogOf(int events, Func<int, string>? payloadAfterHashing = null)
    {
        var lines = new List<string>();
        var previous = "";
        for (var v = 1; v <= events; v++)
        {
            var at = new DateTimeOffset(2026, 5, 4, 9, v, 0, TimeSpan.Zero);
            var salt = Convert.ToHexStringLower(Enumerable.Repeat((byte)v, EventHash.Size).ToArray());
            var payload = $"{{\"text\":\"event {v}\"}}";
            var leaf = EventHash.Leaf(salt, Stream, v, "ClauseRevised", at, "someone", payload);
            previous = EventHash.Link(previous, leaf);
            lines.Add(JsonSerializer.Serialize(new
            {
                streamId = Stream, version = v, type = "ClauseRevised", occurredAt = at.ToString("O", CultureInfo.InvariantCulture),
                actor = "someone", payload = payloadAfterHashing?.Invoke(v) ?? payload, salt, leaf, hash = previous,
            }));
        }
        return (string.Join('\n', lines) + "\n", new StreamHead(Stream, events, previous));
    }

    private IRenderedComponent<ChainVerification> Verify(Func<Task<ApiResult<string>>> load, params StreamHead[] heads)
    {
        var cut = Render<ChainVerification>(p => p.Add(x => x.LoadLog, load).Add(x => x.Heads, heads));
        cut.Find("[data-testid='verify-chain']").Click();
        return cut;
    }

    [Fact]
    public void AWholeChainWithItsHeadIsReportedWhole()
    {
        var (log, head) = LogOf(4);

        var cut = Verify(() => Task.FromResult(ApiResult<string>.Success(log)), head);

        cut.WaitForAssertion(() => Assert.Equal(VerifyState.Good, cut.Instance.State));
        Assert.Equal("Chain whole: 4 events in 1 streams, 1 of 1 heads match.", cut.Find("[data-testid='verify-result']").TextContent.Trim());
    }

    [Fact]
    public void AnEventChangedAfterItWasWrittenIsNamed()
    {
        var (log, head) = LogOf(4, v => v == 3 ? "{\"text\":\"rewritten\"}" : null!);

        var cut = Verify(() => Task.FromResult(ApiResult<string>.Success(log)), head);

        cut.WaitForAssertion(() => Assert.Equal(VerifyState.Broken, cut.Instance.State));
        var text = cut.Find("[data-testid='verify-result']").TextContent;
        Assert.Contains($"{Stream} breaks at version 3 ({ChainProblems.LeafMismatch})", text);
        Assert.Contains("cannot be vouched for", text);
    }

    [Fact]
    public void AHeadTheLogDoesNotHoldIsReported()
    {
        var (log, _) = LogOf(2);
        var elsewhere = new StreamHead(Stream, 2, new string('a', 64));

        var cut = Verify(() => Task.FromResult(ApiResult<string>.Success(log)), elsewhere);

        cut.WaitForAssertion(() => Assert.Equal(VerifyState.Broken, cut.Instance.State));
        Assert.Contains($"Head {elsewhere.ToArgument()}", cut.Find("[data-testid='verify-result']").TextContent);
    }

    [Fact]
    public void AFailedDownloadSaysWhatToDo()
    {
        var cut = Verify(() => Task.FromResult(ApiResult<string>.Failure(ApiProblem.Unreachable("The server could not be reached."))));

        cut.WaitForAssertion(() => Assert.Equal(VerifyState.Failed, cut.Instance.State));
        Assert.Contains("press Verify again", cut.Find("[data-testid='verify-result']").TextContent);
    }

    [Fact]
    public void AWaitWhileDownloadingShowsProgress()
    {
        var pending = new TaskCompletionSource<ApiResult<string>>();
        var cut = Verify(() => pending.Task);

        Assert.Equal(VerifyState.Checking, cut.Instance.State);
        Assert.Contains("Downloading", cut.Find("[data-testid='verify-progress']").TextContent);
        Assert.True(cut.Find("[data-testid='verify-chain']").HasAttribute("disabled"));
        pending.SetResult(ApiResult<string>.Success(LogOf(1).Log));
        cut.WaitForAssertion(() => Assert.Equal(VerifyState.Good, cut.Instance.State));
    }
}
