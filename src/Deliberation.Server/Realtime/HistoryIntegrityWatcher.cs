using Deliberation.Domain;
using Deliberation.Persistence;
using Deliberation.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Tells the rooms on this node when their history's integrity changes: every few seconds it looks
/// at what the grains' loads and the background verifier reported (<see cref="IHistoryIntegrity"/>),
/// and when the broken set moved it pushes <c>HistoryIntegrityChanged</c> to each dialogue with
/// connections here whose own view changed. Looking, rather than being called, keeps the reporters
/// free of the hub; a break waits at most one period to reach the room.
/// </summary>
public sealed class HistoryIntegrityWatcher(
    IHistoryIntegrity integrity,
    NodeConnections connections,
    IHubContext<DialogueHub, IDialogueClient> hub,
    TimeProvider time,
    ILogger<HistoryIntegrityWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private readonly Dictionary<Guid, HistoryIntegrityView> sent = [];
    private string lastBroken = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await LookAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell the rooms about the history's integrity");
            }
        }
    }

    /// <summary>One look: pushes to the dialogues whose view changed since the last push.</summary>
    public async Task LookAsync()
    {
        var broken = string.Join('|', integrity.Broken.Select(b => $"{b.StreamId}:{b.FirstBreak?.Version}:{b.FirstBreak?.Problem}"));
        if (broken == lastBroken)
            return;
        lastBroken = broken;
        foreach (var dialogueId in connections.Dialogues.ToList())
        {
            if (connections.DialogueOf(dialogueId) is not { } dialogue)
                continue;
            var view = HistoryIntegrityViews.For(integrity, dialogue);
            var before = sent.GetValueOrDefault(dialogueId, HistoryIntegrityView.Whole);
            if (view.Broken.SequenceEqual(before.Broken))
                continue;
            sent[dialogueId] = view;
            var groups = AudienceGroup.All(dialogueId);
            await hub.Clients.Groups(groups).HistoryIntegrityChanged(view);
        }
    }
}
