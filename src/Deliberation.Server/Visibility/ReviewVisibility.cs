using Deliberation.Domain.Review;

namespace Deliberation.Server.Visibility;

/// <summary>
/// What a viewer's review of a statement may show (docs/security.md, "Review"): exactly what her live
/// room showed. A moment is an event she may read (not an opaque entry of her log, whose time she was
/// never given); the figures are live only for a viewer who sees live figures, else the releases; an
/// actor is named only where her log names the event's author.
/// </summary>
public sealed class ReviewVisibility(Viewer viewer)
{
    public Viewer Viewer => viewer;

    public FiguresSeen Figures { get; } = ConsensusVisibility.SeesLiveFigures(viewer.Dialogue, viewer.Role) ? FiguresSeen.Live : FiguresSeen.Released;

    public bool Sees(ScopeEvent e) => EventDisclosures.Of(e.Event, e.Meta.Actor, viewer.Audience) != EventDisclosure.Opaque;

    /// <summary>The display name of who made the event, where she may know it; null otherwise (and for the system's own acts).</summary>
    public string? ActorOf(ScopeEvent e) =>
        !e.Event.IsTheSystemsAct() && EventDisclosures.Of(e.Event, e.Meta.Actor, viewer.Audience) == EventDisclosure.Whole
            ? viewer.Dialogue.MemberOrNull(e.Meta.Actor)?.DisplayName
            : null;

    /// <summary>The index of the last event she may read; −1 when there is none.</summary>
    public int LastSeen(ScopeReplay replay)
    {
        for (var i = replay.Count - 1; i >= 0; i--)
            if (Sees(replay[i]))
                return i;
        return -1;
    }

    /// <summary>The index of the event at <paramref name="moment"/> when she may read it; −1 otherwise.</summary>
    public int IndexOf(ScopeReplay replay, long moment)
    {
        var index = replay.IndexOf(moment);
        return index >= 0 && Sees(replay[index]) ? index : -1;
    }
}
