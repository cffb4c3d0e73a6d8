namespace Deliberation.Persistence.Rows;

/// <summary>An invite keyed by the hash of its code (<see cref="InviteRecord"/>).</summary>
internal sealed class InviteRow
{
    public string CodeHash { get; set; } = "";
    public Guid DialogueId { get; set; }
    public Guid ParticipantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static InviteRow From(InviteRecord invite) => new()
    {
        CodeHash = invite.CodeHash,
        DialogueId = invite.DialogueId,
        ParticipantId = invite.ParticipantId,
        CreatedAt = StoredTime.Normalise(invite.CreatedAt),
        ExpiresAt = StoredTime.Normalise(invite.ExpiresAt),
        RevokedAt = invite.RevokedAt is { } revokedAt ? StoredTime.Normalise(revokedAt) : null,
    };

    public InviteRecord ToRecord() => new(CodeHash, DialogueId, ParticipantId, CreatedAt, ExpiresAt, RevokedAt);
}
