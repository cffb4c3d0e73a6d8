using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Persistence;

namespace Deliberation.Server.Realtime;

/// <summary>
/// What the room shows of the node's history checks (<see cref="IHistoryIntegrity"/>): the broken
/// streams among one dialogue's — its own stream and its statements'. Every member sees it: a
/// stream, a version and a problem say nothing of what the event held.
/// </summary>
public static class HistoryIntegrityViews
{
    public static HistoryIntegrityView For(IHistoryIntegrity integrity, DialogueState dialogue)
    {
        var streams = dialogue.Statements.Select(s => StreamIds.Statement(s.Id)).Prepend(StreamIds.Dialogue(dialogue.Id)).ToHashSet(StringComparer.Ordinal);
        return new HistoryIntegrityView([.. integrity.Broken
            .Where(b => streams.Contains(b.StreamId) && b.FirstBreak is not null)
            .Select(b => new BrokenStreamView(b.StreamId, b.FirstBreak!.Version, b.FirstBreak.Problem))]);
    }
}
