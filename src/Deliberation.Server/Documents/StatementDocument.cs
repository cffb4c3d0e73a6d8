using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Documents;

/// <summary>
/// What every export format shows of a statement, in one order so the formats differ in layout
/// only (docs/api.md, "Exports"): the title, the dialogue, the place and dates; the numbered
/// clauses; the signatories; and at the end, in small print, the frozen text's hash and the heads
/// of the dialogue's and the statement's streams at export time, with how to check them.
/// The clean document is the one that gets published: it carries no kind and no status. The
/// compilation, a working paper, notes each clause's kind and status in the room's words.
/// It holds counts-free statuses and no participant ids, so no format can attribute a position.
/// </summary>
/// <param name="Language">The language of the clauses' <c>Text</c> (the HTML page's lang).</param>
/// <param name="ParallelLanguage">In a parallel export, the language of each clause's <c>ParallelText</c>; null otherwise.</param>
public sealed record StatementDocument(
    string Title,
    string DialogueTitle,
    string? Venue,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string Language,
    bool Clean,
    IReadOnlyList<ExportedClause> Clauses,
    string? FrozenHash,
    IReadOnlyList<ExportedSignature> Signatures,
    Guid DialogueId,
    HistoryHeads Heads,
    string? ParallelLanguage = null)
{
    /// <summary>The <c>language</c> parameter's value for the working languages side by side.</summary>
    public const string Parallel = "parallel";

    /// <summary>The words around the text, in the reader's interface language; English unless the export asked for another.</summary>
    public ExportWords Words { get; init; } = ExportWords.English;

    /// <summary>Marks a clause with no translation yet, so a gap in a working paper is seen, not hidden.</summary>
    public static string NotTranslated => ExportWords.English.NotTranslated;

    public static string HistoryHeading => ExportWords.English.History;
    public static string SignatoriesHeading => ExportWords.English.Signatories;
    public static string AffiliationNote => ExportWords.English.AffiliationNote;

    /// <param name="clean">The first option of each open bracket instead of the compilation text with its brackets, and no kinds or statuses.</param>
    /// <param name="heads">The two streams' heads at the versions <paramref name="dialogue"/> and <paramref name="statement"/> were read at.</param>
    /// <param name="language">A working language, <see cref="Parallel"/> (the source beside the first translated language), or null for the source language.</param>
    /// <param name="words">The document's own wording in the reader's interface language; English when null.</param>
    public static StatementDocument From(DialogueState dialogue, StatementState statement, StatementConsensus consensus, bool clean, HistoryHeads heads,
        string? language = null, ExportWords? words = null)
    {
        words ??= ExportWords.English;
        var languages = dialogue.Languages;
        var (first, parallel) = language == Parallel
            ? (languages.Source, languages.Translated.IsDefaultOrEmpty ? null : languages.Translated[0])
            : (language ?? languages.Source, (string?)null);
        string TextIn(ClauseState c, string tag)
        {
            var text = tag == languages.Source ? c.Text : c.TranslationOrNull(tag)?.Text;
            return text is null ? words.NotTranslated : clean ? BracketedText.Parse(text).FirstOptions() : text;
        }
        var status = consensus.Clauses.ToDictionary(c => c.ClauseId, c => c.Status);
        // Numbered as the frozen text numbers them (CanonicalText), so a reader can recompute its
        // hash and cite a clause by the number the room used. Kinds do not regroup the clauses for
        // the same reason: the drafters' order is the statement's.
        var clauses = statement.OrderedClauses.Where(c => !c.Withdrawn).Select((c, i) =>
            new ExportedClause(i + 1, c.Kind, TextIn(c, first), status.GetValueOrDefault(c.Id))
            {
                ParallelText = parallel is null ? null : TextIn(c, parallel),
            }).ToList();
        // Only who signed: a withdrawn signature leaves the map (Statement.Apply), and attending,
        // or taking positions, does not make anyone a signatory.
        var signatures = statement.Frozen is null
            ? []
            : statement.Signatures.Values.OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new ExportedSignature(s.Name, s.Affiliation, s.Capacity) { Words = words }).ToList();
        var settings = dialogue.Settings;
        return new StatementDocument(statement.Title, settings.Title, settings.Venue, settings.StartsOn, settings.EndsOn, first, clean,
            clauses, statement.Frozen?.Hash, signatures, dialogue.Id, heads, parallel) { Words = words };
    }

    /// <summary>Where and when, "Venice, 5–7 September 2026"; null when the dialogue gives neither.</summary>
    public string? PlaceAndDateLine => (Venue, DialogueDates.Format(StartsOn, EndsOn, Words)) switch
    {
        ({ } place, { } dates) when !string.IsNullOrWhiteSpace(place) => Words.PlaceAndDate(place, dates),
        (_, { } dates) => dates,
        ({ } place, null) when !string.IsNullOrWhiteSpace(place) => place,
        _ => null,
    };

    /// <summary>The compilation's note under a clause, "Red line · Near consensus"; none in the clean text.</summary>
    public string? NoteFor(ExportedClause clause) => Clean ? null : $"{Words.Of(clause.Kind)} · {Words.Of(clause.Status)}";

    public string? FrozenLine => FrozenHash is { } hash ? Words.FrozenLine(hash) : null;

    /// <summary>One line per stream head, "streamId version hash", dialogue first (as in the frozen text).</summary>
    public IReadOnlyList<string> HeadLines => [.. Heads.All().Select(h => Words.HeadLine(h.StreamId, h.Version, h.Hash))];

    /// <summary>How a reader checks the heads with nobody's help (README, "Verifying a published statement").</summary>
    public string VerifyLine => Words.VerifyLine($"/api/dialogues/{DialogueId}/events?format=jsonl",
        $"dotnet run --project src/Deliberation.Verify -- log.jsonl {string.Join(' ', Heads.All().Select(h => $"--head {h.ToArgument()}"))}");
}

/// <summary>A signature as exported: the name as signed, the affiliation (for identification only) and the capacity.</summary>
public sealed record ExportedSignature(string Name, string? Affiliation, SignatureCapacity Capacity)
{
    /// <summary>The document's wording, for the capacity's label.</summary>
    public ExportWords Words { get; init; } = ExportWords.English;

    public string CapacityLabel => Words.Of(Capacity);

    /// <summary>What follows the name on one line: "Tsinghua University · Personal capacity".</summary>
    public string Details => Affiliation is { } a ? $"{a} · {CapacityLabel}" : CapacityLabel;

    /// <summary>What follows the name line by line, where a page sets signatories in columns: the affiliation, then the capacity.</summary>
    public IReadOnlyList<string> DetailLines => Affiliation is { } a ? [a, CapacityLabel] : [CapacityLabel];
}
