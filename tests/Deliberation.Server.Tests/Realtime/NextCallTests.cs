using Deliberation.Server.Realtime;

namespace Deliberation.Server.Tests.Realtime;

/// <summary>
/// Joins share the dialogue grain's answers (room snapshot, presence report), but each joiner's
/// answer must be read after she asked: a snapshot read before she was in her audience group could
/// miss an event that no push brings her either.
/// </summary>
public sealed class NextCallTests
{
    [Fact]
    public async Task CallersWhileACallIsInFlightShareTheNextCallNotTheOneInFlight()
    {
        var calls = new NextCall<string, int>();
        var started = 0;
        var firstMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int> Call(string key)
        {
            var number = Interlocked.Increment(ref started);
            if (number == 1)
            {
                firstStarted.TrySetResult();
                await firstMayEnd.Task;
            }
            return number;
        }

        var first = calls.RunAsync("room", Call);
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var meanwhile = Enumerable.Range(0, 20).Select(_ => calls.RunAsync("room", Call)).ToList();
        firstMayEnd.SetResult();

        Assert.Equal(1, await first.WaitAsync(TimeSpan.FromSeconds(10)));
        // Every caller that came while the first call was in flight got the second call's answer, and there was no third.
        Assert.All(await Task.WhenAll(meanwhile).WaitAsync(TimeSpan.FromSeconds(10)), answer => Assert.Equal(2, answer));
        Assert.Equal(2, started);
    }

    [Fact]
    public async Task ACallAfterTheLastEndedIsANewCall()
    {
        var calls = new NextCall<string, int>();
        var started = 0;
        Task<int> Call(string key) => Task.FromResult(Interlocked.Increment(ref started));

        Assert.Equal(1, await calls.RunAsync("room", Call).WaitAsync(TimeSpan.FromSeconds(10)));
        // The slot is released once nobody waits, so a later caller is not handed an old answer.
        await WaitUntilAsync(async () => await calls.RunAsync("room", Call).WaitAsync(TimeSpan.FromSeconds(10)) > 1);
    }

    [Fact]
    public async Task AFailedCallFailsOnlyItsOwnCallers()
    {
        var calls = new NextCall<string, int>();
        var started = 0;
        Task<int> Call(string key) => Interlocked.Increment(ref started) == 1
            ? Task.FromException<int>(new InvalidOperationException("The grain went away."))
            : Task.FromResult(started);

        await Assert.ThrowsAsync<InvalidOperationException>(() => calls.RunAsync("room", Call).WaitAsync(TimeSpan.FromSeconds(10)));
        await WaitUntilAsync(async () => await calls.RunAsync("room", Call).WaitAsync(TimeSpan.FromSeconds(10)) > 1);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
                return;
            await Task.Delay(10);
        }
        Assert.Fail("The condition did not hold within a second.");
    }
}
