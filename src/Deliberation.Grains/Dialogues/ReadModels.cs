using Deliberation.Domain.Dialogues;
using Deliberation.Persistence;

namespace Deliberation.Grains.Dialogues;

/// <summary>
/// Projects dialogue events into the directory. Every write is an upsert, so replaying is safe:
/// on activation the grain re-syncs everything, healing a crash between commit and projection.
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

    public static async Task SyncAllAsync(IDialogueDirectory directory, DialogueState state, CancellationToken cancellationToken)
    {
        await directory.UpsertDialogueAsync(Summary(state), cancellationToken);
        await directory.ReplaceMembershipsAsync(state.Id, Memberships(state), cancellationToken);
    }

    public static DialogueSummary Summary(DialogueState s) => new(
        s.Id, s.Settings.Title, s.Settings.Track.ToString(), s.Phase.ToString(), s.Settings.Confidentiality.ToString(),
        s.Settings.Venue, s.Settings.StartsOn, s.Settings.EndsOn, s.Roster.Count,
        s.CreatedAt ?? DateTimeOffset.UnixEpoch, s.UpdatedAt ?? DateTimeOffset.UnixEpoch);

    private static DialogueMembership[] Memberships(DialogueState state) =>
        [.. state.Roster.Values.Select(m => new DialogueMembership(state.Id, m.ParticipantId, m.DisplayName, m.Role.ToString()))];
}
