using Deliberation.Persistence;

namespace Deliberation.Server.Integrity;

/// <summary>GET /api/dialogues/{id}/verify: every stream of one dialogue, verified just now.</summary>
public sealed record DialogueVerification(Guid DialogueId, DateTimeOffset VerifiedAt, bool Intact, IReadOnlyList<StreamVerification> Streams);

/// <summary>
/// Verifies the chains of one dialogue's streams (the dialogue, its statements, its sessions) from
/// the store, and reports each result to <see cref="IHistoryIntegrity"/> so /health agrees with it.
/// </summary>
public sealed class DialogueChains(IEventStore store, IHistoryIntegrity integrity, TimeProvider time, ILogger<DialogueChains> logger)
{
    public async Task<DialogueVerification> VerifyAsync(Guid dialogueId, CancellationToken cancellationToken = default)
    {
        var streams = new List<string>(await store.ListStreamsAsync(StreamIds.Scope(dialogueId), cancellationToken));
        var sessions = StreamIds.Sessions(dialogueId);
        var results = new List<StreamVerification>(streams.Count + 1);
        foreach (var streamId in streams)
            results.Add(await VerifyStreamAsync(streamId, cancellationToken));
        var sessionsResult = await VerifyStreamAsync(sessions, cancellationToken);
        if (sessionsResult.HeadVersion > 0)
            results.Add(sessionsResult);
        return new DialogueVerification(dialogueId, time.GetUtcNow(), results.TrueForAll(r => r.IsIntact), results);
    }

    /// <summary>Verifies one stream, reports it, and logs a break the node did not know of yet.</summary>
    public async Task<StreamVerification> VerifyStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var result = await store.VerifyChainAsync(streamId, cancellationToken);
        if (integrity.Report(result) && result.FirstBreak is { } found)
        {
            logger.LogError(
                "History verification: the chain of {Stream} is broken at version {Version}: {Problem}. {Detail}",
                streamId, found.Version, found.Problem, found.Detail);
        }
        return result;
    }
}
