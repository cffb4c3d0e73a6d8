using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.FloorHub;

/// <summary>
/// The two hub methods a load run calls, by the server's names: join a room's group, and send a
/// position that every connection in the room receives. No sign-in, no grain, no store, no rendering
/// per viewer: what is left is SignalR's own cost of the same messages to the same connections.
/// </summary>
public sealed class RelayHub(FloorRooms rooms) : Hub
{
    public async Task<FloorJoinResult> JoinDialogue(Guid dialogueId, Dictionary<string, long?>? seen)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, FloorRoom.GroupOf(dialogueId));
        var version = rooms.Of(dialogueId).Version;
        // The generator names the stream it follows; every stream of the floor is the room's one.
        return new FloorJoinResult((seen ?? []).Keys.ToDictionary(stream => stream, _ => version));
    }

    /// <summary>Answered as the server answers, once the push is queued (the floor stores nothing).</summary>
    public FloorOutcome TakePosition(JsonElement request)
    {
        var dialogueId = request.GetProperty("dialogueId").GetGuid();
        var statementId = request.GetProperty("statementId").GetGuid();
        // The server's stream id of a statement (Deliberation.Domain's StreamIds).
        var stream = $"statement-{statementId:N}";
        var version = rooms.Of(dialogueId).Relay(stream, request.GetProperty("clauseId").GetGuid(),
            request.TryGetProperty("note", out var note) ? note.GetString() : null);
        return new FloorOutcome(true, stream, version, null);
    }
}

public sealed record FloorJoinResult(IReadOnlyDictionary<string, long> Versions);

public sealed record FloorOutcome(bool Accepted, string StreamId, long Version, string? Error);
