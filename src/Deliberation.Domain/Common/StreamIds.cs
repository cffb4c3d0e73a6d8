namespace Deliberation.Domain;

/// <summary>The names of the event streams: one per dialogue, statement and participant.</summary>
public static class StreamIds
{
    public static string Dialogue(Guid id) => $"dialogue-{id:N}";

    public static string Statement(Guid id) => $"statement-{id:N}";

    public static string Participant(Guid id) => $"participant-{id:N}";

    /// <summary>The scope that groups a dialogue's streams, so its whole log reads in one query.</summary>
    public static string Scope(Guid dialogueId) => $"{dialogueId:N}";

    public const string ParticipantsScope = "participants";
}
