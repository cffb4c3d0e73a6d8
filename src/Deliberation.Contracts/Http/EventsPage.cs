using System.Text.Json.Nodes;

namespace Deliberation.Contracts.Http;

/// <summary>
/// One page of GET /api/dialogues/{id}/events: events as the hub pushes them (see
/// <see cref="Events.RenderedEvent"/>), the log position to ask <c>after</c> next, and whether more follow.
/// </summary>
public sealed record EventsPage(IReadOnlyList<JsonObject> Events, long Next, bool HasMore);
