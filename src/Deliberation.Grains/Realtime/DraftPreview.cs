namespace Deliberation.Grains.Realtime;

/// <summary>
/// Text a drafter is typing, not yet committed, on its way through the dialogue grain (which checks
/// she may draft) to the nodes. Ephemeral, never stored; clients receive it as a <c>DraftPreviewView</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Deliberation.DraftPreview")]
public sealed record DraftPreview(
    [property: Id(0)] Guid DialogueId,
    [property: Id(1)] Guid StatementId,
    [property: Id(2)] Guid ClauseId,
    [property: Id(3)] int BaseRevision,
    [property: Id(4)] string Text,
    [property: Id(5)] Guid Author,
    [property: Id(6)] DateTimeOffset At);
