namespace Deliberation.Contracts.Http;

/// <summary>
/// One row of GET /api/dialogues, the dialogues the caller belongs to. Track, phase and mode are
/// the read model's text, so a row written by an older version still reads.
/// </summary>
public sealed record DialogueSummaryView(
    Guid Id, string Title, string Track, string Phase, string Confidentiality, string? Venue,
    DateOnly? StartsOn, DateOnly? EndsOn, int ParticipantCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
