using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Persistence;

namespace Deliberation.Grains.Dialogues;

/// <summary>
/// Projects dialogue events into the directory. On activation the grain re-syncs it from the
/// state, healing a crash between a commit and its projection: the summary and roster are
/// rewritten, and the invite index gets back what the state holds and it lacks, and loses what
/// the state has revoked.
/// </summary>
internal static class ReadModels
{
    public static async Task ProjectAsync(IDialogueDirectory directory, DialogueState state, IEnumerable<DialogueEvent> events, CancellationToken cancellationToken = default)
    {
        var rosterChanged = false;
        foreach (var e in events)
        {
            switch (e)
            {
                case MemberAdded or MemberUpdated or MemberRemoved or DialogueCreated:
                    rosterChanged = true;
                    break;
                case InviteIssued i:
                    await directory.AddInviteAsync(new InviteRecord(i.CodeHash, state.Id, i.ParticipantId, state.UpdatedAt ?? DateTimeOffset.UtcNow, i.ExpiresAt, null), cancellationToken);
                    break;
                case InviteRevoked r:
                    await directory.RevokeInviteAsync(r.CodeHash, state.UpdatedAt ?? DateTimeOffset.UtcNow, cancellationToken);
                    break;
            }
        }
        // One write for the whole roster: an import adds thousands of members in one commit.
        if (rosterChanged)
            await directory.ReplaceMembershipsAsync(state.Id, Memberships(state), cancellationToken);
        await directory.UpsertDialogueAsync(Summary(state), cancellationToken);
    }

    public static async Task SyncAllAsync(IDialogueDirectory directory, IEventStore store, string streamId, DialogueState state, CancellationToken cancellationToken)
    {
        await directory.UpsertDialogueAsync(Summary(state), cancellationToken);
        await directory.ReplaceMembershipsAsync(state.Id, Memberships(state), cancellationToken);
        await SyncInvitesAsync(directory, store, streamId, state, cancellationToken);
    }

    private static async Task SyncInvitesAsync(IDialogueDirectory directory, IEventStore store, string streamId, DialogueState state, CancellationToken cancellationToken)
    {
        var indexed = await directory.ListInvitesAsync(state.Id, cancellationToken);
        foreach (var stale in indexed.Where(i => i.RevokedAt is null && !state.Invites.ContainsKey(i.CodeHash)))
            await directory.RevokeInviteAsync(stale.CodeHash, state.UpdatedAt ?? DateTimeOffset.UtcNow, cancellationToken);
        var missing = state.Invites.Keys.Except(indexed.Select(i => i.CodeHash)).ToHashSet();
        if (missing.Count == 0)
            return;
        // The state keeps who an invite is for, not when it expires: that is in the event, read
        // back only in this rare case.
        foreach (var stored in await store.ReadStreamAsync(streamId, 0, cancellationToken))
        {
            if (stored.Type == nameof(InviteIssued)
                && DomainJson.DeserializeEvent(stored.Type, stored.PayloadJson) is InviteIssued issued
                && missing.Remove(issued.CodeHash))
                await directory.AddInviteAsync(new InviteRecord(issued.CodeHash, state.Id, issued.ParticipantId, stored.OccurredAt, issued.ExpiresAt, null), cancellationToken);
        }
    }

    public static DialogueSummary Summary(DialogueState s) => new(
        s.Id, s.Settings.Title, s.Settings.Track.ToString(), s.Phase.ToString(), s.Settings.Confidentiality.ToString(),
        s.Settings.Venue, s.Settings.StartsOn, s.Settings.EndsOn, s.Roster.Count,
        s.CreatedAt ?? DateTimeOffset.UnixEpoch, s.UpdatedAt ?? DateTimeOffset.UnixEpoch);

    private static DialogueMembership[] Memberships(DialogueState state) =>
        [.. state.Roster.Values.Select(m => new DialogueMembership(state.Id, m.ParticipantId, m.DisplayName, m.Role.ToString()))];
}
