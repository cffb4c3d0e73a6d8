namespace Deliberation.Domain;

/// <summary>
/// The names of the event streams: one per dialogue, statement and participant. Written and read
/// here only, so the server that names a stream and the client that reads the name agree.
/// </summary>
public static class StreamIds
{
    private const string DialoguePrefix = "dialogue-";
    private const string StatementPrefix = "statement-";
    private const string ParticipantPrefix = "participant-";
    private const string SessionsPrefix = "sessions-";

    public static string Dialogue(Guid id) => $"{DialoguePrefix}{id:N}";

    public static string Statement(Guid id) => $"{StatementPrefix}{id:N}";

    public static string Participant(Guid id) => $"{ParticipantPrefix}{id:N}";

    /// <summary>A dialogue's sessions: in their own scope, so the dialogue's events log never lists sign-ins.</summary>
    public static string Sessions(Guid dialogueId) => $"{SessionsPrefix}{dialogueId:N}";

    public const string SessionsScope = "sessions";

    /// <summary>The scope that groups a dialogue's streams, so its whole log reads in one query.</summary>
    public static string Scope(Guid dialogueId) => $"{dialogueId:N}";

    public const string ParticipantsScope = "participants";

    /// <summary>The dialogue a <c>dialogue-…</c> stream belongs to; false for any other stream.</summary>
    public static bool TryDialogueId(string streamId, out Guid dialogueId) => TryIdAfter(DialoguePrefix, streamId, out dialogueId);

    /// <summary>The statement a <c>statement-…</c> stream belongs to; false for any other stream.</summary>
    public static bool TryStatementId(string streamId, out Guid statementId) => TryIdAfter(StatementPrefix, streamId, out statementId);

    /// <summary>The participant a <c>participant-…</c> stream belongs to; false for any other stream.</summary>
    public static bool TryParticipantId(string streamId, out Guid participantId) => TryIdAfter(ParticipantPrefix, streamId, out participantId);

    private static bool TryIdAfter(string prefix, string streamId, out Guid id)
    {
        id = Guid.Empty;
        return streamId.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(streamId.AsSpan(prefix.Length), out id);
    }
}
