namespace Deliberation.Server.Realtime;

/// <summary>
/// Coalesces calls per key that each need a result read <em>after</em> they were made: while a
/// call for a key is in flight, every caller that comes meanwhile waits for the next call, which
/// starts when the one in flight ends — so each caller's result is read after it asked, as if it
/// had called alone, yet a burst of n callers costs two or three calls instead of n. Used where
/// every join asks the dialogue grain the same question (docs/performance.md, "Joining").
/// </summary>
public sealed class NextCall<TKey, TResult> where TKey : notnull
{
    private readonly Dictionary<TKey, Slot> slots = [];

    public Task<TResult> RunAsync(TKey key, Func<TKey, Task<TResult>> call)
    {
        lock (slots)
        {
            if (slots.TryGetValue(key, out var inFlight))
                return (inFlight.Next ??= NewWaiter()).Task;
            var first = NewWaiter();
            var slot = new Slot();
            slots[key] = slot;
            _ = Task.Run(() => LoopAsync(key, slot, first, call));
            return first.Task;
        }
    }

    private async Task LoopAsync(TKey key, Slot slot, TaskCompletionSource<TResult> waiting, Func<TKey, Task<TResult>> call)
    {
        while (true)
        {
            try
            {
                waiting.TrySetResult(await call(key));
            }
            catch (Exception e)
            {
                waiting.TrySetException(e);
            }
            lock (slots)
            {
                if (slot.Next is not { } next)
                {
                    slots.Remove(key);
                    return;
                }
                slot.Next = null;
                waiting = next;
            }
        }
    }

    private static TaskCompletionSource<TResult> NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Slot
    {
        public TaskCompletionSource<TResult>? Next { get; set; }
    }
}
