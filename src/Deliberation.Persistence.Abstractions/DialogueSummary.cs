namespace Deliberation.Persistence;

/// <summary>One row of the dialogue list.</summary>
public sealed record DialogueSummary(
    Guid Id,
    string Title,
    string Track,
    string Phase,
    string Confidentiality,
    string? Venue,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    int ParticipantCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
