namespace Deliberation.Persistence;

/// <summary>
/// Read models projected from the dialogue streams: the list of dialogues and who takes part
/// in which, and the invite index used to redeem a link. Rebuildable from events.
/// </summary>
public interface IDialogueDirectory
{
    Task UpsertDialogueAsync(DialogueSummary summary, CancellationToken cancellationToken = default);

    /// <summary>Records or replaces a participant's membership (role and display name) in a dialogue.</summary>
    Task UpsertMembershipAsync(DialogueMembership membership, CancellationToken cancellationToken = default);

    /// <summary>Makes a dialogue's memberships exactly the given set, in one transaction (bulk adds, removals, re-syncs).</summary>
    Task ReplaceMembershipsAsync(Guid dialogueId, IReadOnlyCollection<DialogueMembership> memberships, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DialogueSummary>> ListDialoguesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DialogueSummary>> ListDialoguesOfParticipantAsync(Guid participantId, CancellationToken cancellationToken = default);

    Task<bool> AnyDialogueAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores an invite by the SHA-256 of its code; the code itself is never stored.</summary>
    Task AddInviteAsync(InviteRecord invite, CancellationToken cancellationToken = default);

    Task<InviteRecord?> FindInviteAsync(string codeHash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InviteRecord>> ListInvitesAsync(Guid dialogueId, CancellationToken cancellationToken = default);

    /// <summary>Marks an invite revoked; returns false when no such invite exists.</summary>
    Task<bool> RevokeInviteAsync(string codeHash, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);
}
