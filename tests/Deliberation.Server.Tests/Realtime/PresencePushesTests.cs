using System.Threading.Channels;
using Deliberation.Grains.Realtime;
using Deliberation.Server.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Server.Tests.Realtime;

/// <summary>
/// Presence is pushed to everyone in the room, so one push per join is O(n²) messages as a room
/// fills (docs/performance.md, "Joining"): at most one push a window per dialogue, the newest list.
/// </summary>
public sealed class PresencePushesTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task AChangeAfterAQuietSpellIsPushedAtOnce()
    {
        var sent = Channel.CreateUnbounded<Presence>();
        var pushes = new PresencePushes(p => { sent.Writer.TryWrite(p); return Task.CompletedTask; }, _ => Window, new WindowClock(), NullLogger.Instance);
        var dialogue = Guid.NewGuid();

        pushes.Post(PresenceOf(dialogue, 1));

        // The fake clock never moves: a push that waited on it would never come.
        Assert.Single((await sent.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Members);
    }

    [Fact]
    public async Task ChangesWithinTheWindowAfterAPushGoOutOnceAsTheNewest()
    {
        var clock = new WindowClock();
        var sent = Channel.CreateUnbounded<Presence>();
        var pushes = new PresencePushes(p => { sent.Writer.TryWrite(p); return Task.CompletedTask; }, _ => Window, clock, NullLogger.Instance);
        var dialogue = Guid.NewGuid();

        pushes.Post(PresenceOf(dialogue, 1));
        await sent.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await clock.TimerStartedAsync();
        for (var present = 2; present <= 50; present++)
            pushes.Post(PresenceOf(dialogue, present));
        Assert.False(sent.Reader.TryRead(out _), "A change within the window was pushed before the window ended.");
        clock.Advance(Window);

        var second = await sent.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(50, second.Members.Length);
        await clock.TimerStartedAsync();
        clock.Advance(Window);
        Assert.False(sent.Reader.TryRead(out _), "The 49 changes within one window were pushed more than once.");
    }

    [Fact]
    public async Task EachDialogueHasItsOwnWindow()
    {
        var sent = Channel.CreateUnbounded<Presence>();
        var pushes = new PresencePushes(p => { sent.Writer.TryWrite(p); return Task.CompletedTask; }, _ => Window, new WindowClock(), NullLogger.Instance);

        pushes.Post(PresenceOf(Guid.NewGuid(), 1));
        pushes.Post(PresenceOf(Guid.NewGuid(), 2));

        await sent.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await sent.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static Presence PresenceOf(Guid dialogue, int present) =>
        new(dialogue, [.. Enumerable.Range(0, present).Select(_ => new PresentMember(Guid.NewGuid(), 1))]);
}
