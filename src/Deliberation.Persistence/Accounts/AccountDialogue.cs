namespace Deliberation.Persistence.Accounts;

/// <summary>
/// An account's membership of a dialogue it created (or imported): lets the account list its
/// dialogues and re-enter one as its convener from any browser it signs in with.
/// </summary>
public sealed class AccountDialogue
{
    public string AccountId { get; set; } = "";
    public Guid DialogueId { get; set; }
    public Guid ParticipantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
