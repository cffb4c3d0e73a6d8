using System.Text.Json.Nodes;

namespace Deliberation.Contracts.Hub;

/// <summary>
/// What the server pushes to a connection of the dialogue hub (docs/api.md), plus consensus as
/// the viewer may see it. The server's hub is typed by it; the client registers its handlers by
/// these method names.
/// </summary>
public interface IDialogueClient
{
    /// <summary>Committed events of one stream, each with <c>version</c>, <c>type</c>, <c>occurredAt</c> and its fields, redacted for this viewer.</summary>
    Task EventsAppended(string streamId, IReadOnlyList<JsonObject> events);

    /// <summary>The figures of clauses whose consensus moved, redacted for this viewer.</summary>
    Task ConsensusChanged(ConsensusUpdate update);

    Task PresenceChanged(PresenceView presence);

    /// <summary>A drafter's uncommitted text: show it as a preview, never as the clause.</summary>
    Task DraftPreview(DraftPreviewView preview);

    /// <summary>To this delegate alone: the text of a clause changed since her position, which no longer counts.</summary>
    Task StaleReminder(StaleReminderView reminder);

    /// <summary>The server found the dialogue's history broken (or whole again): show it, naming the stream and event.</summary>
    Task HistoryIntegrityChanged(HistoryIntegrityView history);

    /// <summary>Each stream's latest version, about every second: a client behind it catches up.</summary>
    Task Heartbeat(RoomHeartbeat heartbeat);
}
