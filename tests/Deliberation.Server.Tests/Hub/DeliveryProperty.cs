using System.Diagnostics;
using System.Text.Json;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Deliberation.Server.Tests.Hub;

/// <summary>The property, run against a server whose subscriptions lapse after <see cref="Expiry"/>.</summary>
public abstract class DeliveryProperty(HubFixture fixture, ITestOutputHelper output)
{
    protected static readonly TimeSpan Expiry = TimeSpan.FromSeconds(3);

    private static readonly string[] People = ["N1", "N2", "N3", "S1", "S2", "S3", "Otto Observer"];

    private enum Step { Join, Leave, Idle, ChangeSettings }

    protected async Task HoldsAsync(int seed)
    {
        var random = new Random(seed);
        var (dialogue, _) = await fixture.DialogueAsync();
        var inRoom = new Dictionary<string, HubClient>();
        var clock = Stopwatch.StartNew();
        var worst = TimeSpan.Zero;
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var step = inRoom.Count == 0 ? Step.Join : (Step)random.Next(4);
                switch (step)
                {
                    case Step.Join:
                        var who = People.Where(p => !inRoom.ContainsKey(p)).OrderBy(_ => random.Next()).FirstOrDefault();
                        if (who is null)
                            break;
                        var client = await fixture.ConnectAsync(dialogue, who, catchesUp: true);
                        await client.JoinAsync(dialogue.Id);
                        inRoom[who] = client;
                        break;
                    case Step.Leave:
                        var leaving = inRoom.Keys.OrderBy(_ => random.Next()).First();
                        await inRoom[leaving].DisposeAsync();
                        inRoom.Remove(leaving);
                        break;
                    case Step.Idle:
                        await Task.Delay(Expiry + TimeSpan.FromSeconds(0.5));
                        break;
                    case Step.ChangeSettings:
                        var settings = (await dialogue.Convener.GetJsonAsync(dialogue.Url))["settings"].Deserialize<DialogueSettings>(DomainJson.Options)!;
                        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new ChangeSettings(settings with { Title = $"Round {i}" }));
                        break;
                }

                // After each step, an action: every client in the room has it within the bound.
                await dialogue.AcceptAsync("Fran Facilitator", new StartTimer($"Step {i}: {step}", 300));
                var committedAt = DateTime.UtcNow;
                var version = await dialogue.DialogueVersionAsync();
                var sent = Stopwatch.StartNew();
                foreach (var (who, client) in inRoom)
                    await WithServerLogAsync(() => client.WaitForAsync(c => c.HeldVersion(StreamIds.Dialogue(dialogue.Id)) >= version ? c : null, HeartbeatTests.Bound,
                        $"step {i} ({step}, seed {seed}): version {version} (committed {committedAt:HH:mm:ss.fff}) on {who}'s screen"));
                worst = sent.Elapsed > worst ? sent.Elapsed : worst;
                output.WriteLine($"step {i} {step}: {inRoom.Count} in the room, everyone had version {version} after {sent.ElapsedMilliseconds} ms");
            }
        }
        finally
        {
            foreach (var client in inRoom.Values)
                await client.DisposeAsync();
        }
        output.WriteLine($"seed {seed}: worst {worst.TotalMilliseconds:F0} ms, {clock.Elapsed.TotalSeconds:F0} s in all");
    }

    /// <summary>A missed bound says what the server's live room did meanwhile (its heartbeats, with times).</summary>
    private async Task WithServerLogAsync(Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new TimeoutException($"{e.Message}\nThe server's log:\n{fixture.Server.Output}", e);
        }
    }
}
