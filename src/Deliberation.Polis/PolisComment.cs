namespace Deliberation.Polis;

/// <summary>One row of comments.csv.</summary>
/// <param name="Agrees">Every agree row in the vote log, superseded ones included (as Pol.is counts).</param>
/// <param name="Moderated">1 accepted, 0 unmoderated, -1 rejected.</param>
/// <param name="IsMeta">Newer exports' <c>is-meta</c> column; null when the export has none.</param>
public sealed record PolisComment(
    int Id,
    long? Timestamp,
    int? AuthorId,
    int Agrees,
    int Disagrees,
    int Moderated,
    string Body,
    bool? IsMeta);
