namespace Deliberation.Persistence.Rows;

/// <summary>A participant's place in one dialogue (<see cref="DialogueMembership"/>).</summary>
internal sealed class MembershipRow
{
    public Guid DialogueId { get; set; }
    public Guid ParticipantId { get; set; }
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";

    public DialogueMembership ToMembership() => new(DialogueId, ParticipantId, DisplayName, Role);
}
