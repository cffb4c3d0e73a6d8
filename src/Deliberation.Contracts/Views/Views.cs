using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;

namespace Deliberation.Contracts.Views;

// The HTTP API's views (docs/api.md): what the server sends, what the browser client reads. The
// domain's own records are used wherever the server sends them unchanged.

/// <summary>A dialogue as a member sees it (GET /api/dialogues/{id}).</summary>
public sealed record DialogueView(
    Guid Id, long Version, DialogueSettings Settings, Phase Phase, ImmutableArray<Dimension> Dimensions, ConsensusRules Rules,
    ImmutableArray<MemberView> Roster, ImmutableList<AgendaItem> Agenda, Focus? Focus, ImmutableList<Guid> SpeakingQueue,
    SessionTimer? Timer, ImmutableList<StatementRef> Statements, MemberView You)
{
    /// <summary>The agenda item the room is on, and since when; null when none is.</summary>
    public CurrentAgendaItem? CurrentAgendaItem { get; init; }

    /// <summary>The pinned glossary terms (docs/domain.md, "Glossary").</summary>
    public ImmutableArray<GlossaryTerm> Glossary { get; init; } = [];

    public WorkingLanguages Languages => WorkingLanguages.Of(Settings);

    public MemberView? MemberOrNull(Guid participantId) => Roster.FirstOrDefault(m => m.ParticipantId == participantId);
}

public sealed record MemberView(Guid ParticipantId, string DisplayName, string? Affiliation, Role Role, ImmutableDictionary<string, string> Groups);

/// <summary>A statement with each clause's current text and alternatives, and the viewer's own positions.</summary>
public sealed record StatementView(
    Guid Id, Guid DialogueId, string Title, long Version, FrozenView? Frozen, ImmutableArray<ClauseView> Clauses,
    ImmutableArray<Amendment> Amendments, ImmutableArray<Signature> Signatures)
{
    public ClauseView? ClauseOrNull(Guid clauseId) => Clauses.FirstOrDefault(c => c.Id == clauseId);
}

/// <summary>The frozen text, its hash, and the history heads the text binds (null for texts frozen before heads were bound).</summary>
public sealed record FrozenView(string Hash, DateTimeOffset At, string CanonicalText, HistoryHeads? Heads = null);

public sealed record ClauseView(
    Guid Id, ClauseKind Kind, string? ExternalId, int Revision, int CountingSince, string Text, bool Withdrawn,
    ImmutableArray<SlotPart> Slots, NumericParameter? Parameter, ImmutableArray<RevisionView> Revisions,
    Position? MyPosition, ImmutableDictionary<string, Position> MyOptionPositions, StatedRange? MyRange, bool MyPositionIsStale)
{
    /// <summary>The latest translation into each translated language that has one, with its status against the source.</summary>
    public ImmutableDictionary<string, TranslationView> Translations { get; init; } = ImmutableDictionary<string, TranslationView>.Empty;

    /// <summary>Each bracket option's latest translation, by option id then language.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, TranslationView>> OptionTranslations { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, TranslationView>>.Empty;

    /// <summary>The text of a given revision, or null when the client does not hold it.</summary>
    public string? TextAt(int revision) => Revisions.FirstOrDefault(r => r.Number == revision)?.Text;

    /// <summary>How the clause's translation into <paramref name="language"/> stands; Missing when it has none.</summary>
    public TranslationStatus TranslationStatus(string language) =>
        Translations.TryGetValue(language, out var t) ? t.Status : Domain.Statements.TranslationStatus.Missing;
}

/// <summary>
/// A clause's (or option's) latest text in one translated language: bound to <see cref="SourceRevision"/>,
/// whose text <see cref="SourceTextThen"/> is, so a stale translation shows the source's diff since.
/// </summary>
public sealed record TranslationView(
    string Language, int Number, string Text, int SourceRevision, string SourceTextThen, TranslationStatus Status, DateTimeOffset At,
    ImmutableArray<TranslationRevisionView> History);

/// <summary>One revision of a translation: its number, text, the source revision it translated, and when.</summary>
public sealed record TranslationRevisionView(int Number, string Text, int SourceRevision, DateTimeOffset At);

public sealed record RevisionView(int Number, string Text, DateTimeOffset At, RevisionKind Kind, RevisionSource Source, string? Rationale);
