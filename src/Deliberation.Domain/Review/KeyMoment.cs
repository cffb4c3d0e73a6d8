namespace Deliberation.Domain.Review;

/// <summary>
/// A key moment other than a status change: the event at <see cref="Index"/> of the scope, what it did
/// in words, and who acted (<see cref="Actor"/>; whether a viewer may be told is the server's call).
/// <see cref="Revision"/> is the clause revision it made, where it made one. <see cref="Summary"/> is
/// <see cref="Phrase"/> in English, kept for readers of the API that read English only.
/// </summary>
public sealed record KeyMoment(int Index, MomentKind Kind, Guid? ClauseId, string Summary, string? Detail, Guid Actor, int? Revision = null, MomentPhrase? Phrase = null);
