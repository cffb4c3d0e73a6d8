namespace Deliberation.Contracts.Events;

/// <summary>
/// Events as they travel to a viewer, over HTTP (GET /api/dialogues/{id}/events) and on the hub
/// (EventsAppended, JoinDialogue, CatchUp): a JSON object with the event's fields and its
/// <c>type</c>, <c>streamId</c>, <c>version</c>, <c>logPosition</c> and <c>occurredAt</c>
/// (docs/api.md). The server writes them; the client reads them.
/// </summary>
public static class RenderedEvent
{
    /// <summary>
    /// The <c>type</c> of an event the viewer may not see: it keeps its stream and version, so
    /// versions stay contiguous and a client never mistakes a hidden event for a gap.
    /// </summary>
    public const string HiddenType = "Hidden";
}
