namespace Deliberation.Domain.History;

/// <summary>
/// The heads of the two streams a statement's text comes from: its dialogue (roster, rules,
/// phases) and the statement itself. Bound into the frozen text, so a signature covers the history
/// that produced the text, not only the text.
/// </summary>
public sealed record HistoryHeads(StreamHead Dialogue, StreamHead Statement)
{
    public IReadOnlyList<StreamHead> All() => [Dialogue, Statement];
}
