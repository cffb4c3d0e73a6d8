namespace Deliberation.Domain;

/// <summary>Size bounds on everything a user can type or upload; checked in <c>Decide</c>.</summary>
public static class Limits
{
    public const int TitleLength = 200;
    public const int NameLength = 120;
    public const int ShortTextLength = 200;
    public const int ClauseTextLength = 4_000;
    public const int NoteLength = 1_000;
    public const int RationaleLength = 1_000;
    public const int Dimensions = 8;
    public const int GroupsPerDimension = 32;
    public const int Languages = 8;
    /// <summary>Members a dialogue invites: people who sign in, hold a seat in the room and are counted present.</summary>
    public const int RosterSize = 20_000;
    /// <summary>
    /// Members brought in from another tool's record (Pol.is voters, <see cref="Dialogues.Member.ExternalId"/>):
    /// nobody invites or signs them in, so they do not take invited seats; bounded apart, as large as
    /// the largest public Pol.is conversation (about 33,000 voters) with room to spare.
    /// </summary>
    public const int ImportedMembers = 100_000;
    public const int ClausesPerStatement = 2_000;
    public const int StatementsPerDialogue = 20;
    public const int AgendaItems = 100;
    /// <summary>An agenda item's timebox: a working day at most, longer is a meeting of its own.</summary>
    public const int AgendaItemMinutes = 8 * 60;
    public const int OptionsPerSlot = 10;
    public const int TimerSeconds = 24 * 60 * 60;
    public const int InviteLifetimeDays = 90;
    public const int InviteRedemptions = 10;
    public const int GlossaryTerms = 500;
}
