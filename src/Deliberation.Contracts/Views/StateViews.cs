using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Contracts.Views;

/// <summary>
/// The one projection of domain state into the views, for one viewer: the server sends what it
/// makes (after its own redaction, src/Deliberation.Server/Visibility), and the browser, which
/// evolves what it holds with the domain's <c>Apply</c>, makes the same views from it — so a view
/// reads the same whether it came over the wire or was brought up to date in the browser.
/// </summary>
public static class StateViews
{
    public static DialogueView Dialogue(DialogueState d, MemberView you) => Dialogue(d, you, Roster(d));

    /// <param name="roster">The dialogue's <see cref="Roster"/>, when the caller keeps it: sorting it is what a view of a big room costs.</param>
    public static DialogueView Dialogue(DialogueState d, MemberView you, ImmutableArray<MemberView> roster) => new(
        d.Id, d.Version, d.Settings, d.Phase, d.Dimensions, d.Rules,
        roster,
        d.Agenda, d.Focus, d.SpeakingQueue, d.Timer, d.Statements, you)
    {
        CurrentAgendaItem = d.CurrentAgendaItem,
        Glossary = [.. d.Glossary.Values.OrderBy(t => t.Renderings.Values.FirstOrDefault(), StringComparer.Ordinal).ThenBy(t => t.TermId)],
    };

    /// <summary>Every member, by role and then by name: the same for every viewer of one version of the dialogue.</summary>
    public static ImmutableArray<MemberView> Roster(DialogueState d) =>
        [.. d.Roster.Values.OrderBy(m => m.Role).ThenBy(m => m.DisplayName).Select(Member)];

    public static MemberView Member(Member m) => new(m.ParticipantId, m.DisplayName, m.Affiliation, m.Role, m.Groups);

    /// <summary>
    /// The statement with the viewer's own positions. Who proposed an amendment is attribution too:
    /// unless <paramref name="seesNames"/>, only her own amendments keep their proposer.
    /// </summary>
    public static StatementView Statement(StatementState s, Guid viewer, bool seesNames) => new(
        s.Id, s.DialogueId, s.Title, s.Version,
        s.Frozen is { } f ? new FrozenView(f.Hash, f.At, f.CanonicalText, f.Heads) : null,
        [.. s.OrderedClauses.Select(c => Clause(c, viewer))],
        [.. s.Amendments.Values.OrderBy(a => a.ProposedAt).Select(a => seesNames || a.ProposedBy == viewer ? a : a with { ProposedBy = Guid.Empty })],
        [.. s.Signatures.Values.OrderBy(x => x.At)]);

    /// <summary>A clause with the viewer's own position, option positions and range, and whether her position is stale.</summary>
    public static ClauseView Clause(ClauseState c, Guid viewer)
    {
        var mine = c.Positions.GetValueOrDefault(viewer);
        return new(c.Id, c.Kind, c.ExternalId, c.CurrentRevision, c.CountingSince, c.Text, c.Withdrawn,
            [.. c.Bracketed.Slots], c.Parameter,
            [.. c.Revisions.Select(r => new RevisionView(r.Number, r.Text, r.At, r.Kind, r.Source, r.Rationale))],
            mine,
            c.OptionPositions.Where(o => o.Value.ContainsKey(viewer)).ToImmutableDictionary(o => o.Key, o => o.Value[viewer]),
            c.Ranges.GetValueOrDefault(viewer),
            mine is not null && !c.IsCurrent(mine))
        {
            Translations = c.Translations.Where(t => !t.Value.IsEmpty).ToImmutableDictionary(t => t.Key, t => Translation(c, t.Key, t.Value)),
            OptionTranslations = c.OptionTranslations.ToImmutableDictionary(o => o.Key,
                o => o.Value.Where(t => !t.Value.IsEmpty).ToImmutableDictionary(t => t.Key, t => Translation(c, t.Key, t.Value))),
        };
    }

    /// <summary>A language's latest translation with its status, the source text it translated, and its history.</summary>
    public static TranslationView Translation(ClauseState c, string language, IReadOnlyList<Translation> history)
    {
        var latest = history[^1];
        var sourceThen = c.Revisions.FirstOrDefault(r => r.Number == latest.SourceRevision)?.Text ?? "";
        return new(language, latest.Number, latest.Text, latest.SourceRevision, sourceThen, TranslationStatuses.Of(c, latest), latest.At,
            [.. history.Select(t => new TranslationRevisionView(t.Number, t.Text, t.SourceRevision, t.At))]);
    }
}
