using Deliberation.Client.Api;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Room;

/// <summary>
/// A page that shows one dialogue live (the room, the projector): checks over HTTP that the
/// viewer may see it — so "sign in first" and "no such dialogue" are clear states, not a spinner —
/// then opens a <see cref="RoomSession"/> and re-renders whenever it changes.
/// </summary>
public abstract class RoomComponentBase : ComponentBase, IAsyncDisposable
{
    private Guid openedFor;

    [Parameter]
    public Guid DialogueId { get; set; }

    [Inject]
    protected DeliberationApi Api { get; set; } = null!;

    [Inject]
    private RoomSessionFactory Sessions { get; set; } = null!;

    protected RoomSession? Session { get; private set; }

    /// <summary>Why the dialogue cannot be shown, from the HTTP check.</summary>
    protected ApiProblem? Problem { get; private set; }

    protected bool Loading { get; private set; } = true;

    /// <summary>Whether the page shows the room's audience (the projector) rather than the signed-in viewer.</summary>
    protected virtual bool WatchesAsRoom => false;

    protected RoomState? State => Session?.State;

    protected DialogueView? Dialogue => Session?.State.Dialogue;

    protected override async Task OnParametersSetAsync()
    {
        if (openedFor == DialogueId)
            return;
        openedFor = DialogueId;
        await CloseAsync();
        Loading = true;
        Problem = null;
        var check = await Api.GetDialogueAsync(DialogueId);
        if (check.Value is not { } dialogue)
        {
            Problem = check.Problem;
            Loading = false;
            return;
        }
        var session = Sessions.Create(DialogueId, WatchesAsRoom);
        Session = session;
        session.State.ReplaceDialogue(dialogue);
        session.Changed += OnSessionChanged;
        Loading = false;
        await session.StartAsync();
        if (!session.State.Statements.Any() && dialogue.Statements.Count > 0)
        {
            // Not joined (offline): show what HTTP can give until the room connects.
            foreach (var statement in dialogue.Statements)
                await session.RefreshStatementAsync(statement.Id);
        }
        await OnRoomOpenedAsync();
    }

    /// <summary>For pages that do more once the room is open.</summary>
    protected virtual Task OnRoomOpenedAsync() => Task.CompletedTask;

    private Task OnSessionChanged() => InvokeAsync(StateHasChanged);

    private async Task CloseAsync()
    {
        if (Session is { } session)
        {
            session.Changed -= OnSessionChanged;
            Session = null;
            await session.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        GC.SuppressFinalize(this);
    }
}
