namespace Deliberation.Persistence.Rows;

/// <summary>One row of the dialogue list read model (<see cref="DialogueSummary"/>).</summary>
internal sealed class DialogueRow
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Track { get; set; } = "";
    public string Phase { get; set; } = "";
    public string Confidentiality { get; set; } = "";
    public string? Venue { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int ParticipantCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public void CopyFrom(DialogueSummary summary)
    {
        Id = summary.Id;
        Title = summary.Title;
        Track = summary.Track;
        Phase = summary.Phase;
        Confidentiality = summary.Confidentiality;
        Venue = summary.Venue;
        StartsOn = summary.StartsOn;
        EndsOn = summary.EndsOn;
        ParticipantCount = summary.ParticipantCount;
        CreatedAt = StoredTime.Normalise(summary.CreatedAt);
        UpdatedAt = StoredTime.Normalise(summary.UpdatedAt);
    }

    public DialogueSummary ToSummary() =>
        new(Id, Title, Track, Phase, Confidentiality, Venue, StartsOn, EndsOn, ParticipantCount, CreatedAt, UpdatedAt);
}
