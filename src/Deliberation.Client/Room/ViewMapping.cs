using System.Collections.Immutable;
using Deliberation.Client.Api;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Room;

/// <summary>
/// Between the views the server sends and the domain's states, so the client can evolve what it
/// holds with the domain's own <c>Apply</c>. A view holds only what this viewer may see (her own
/// positions, not others'), and so does the state made from it; nothing else is needed to render.
/// </summary>
public static class ViewMapping
{
    public static DialogueState ToState(DialogueView view) => DialogueState.Initial(view.Id) with
    {
        Exists = true,
        Version = view.Version,
        Settings = view.Settings,
        Dimensions = view.Dimensions,
        Rules = view.Rules,
        Phase = view.Phase,
        Roster = view.Roster.ToImmutableDictionary(m => m.ParticipantId, m => new Member(m.ParticipantId, m.DisplayName, m.Affiliation, m.Role, m.Groups)),
        Agenda = view.Agenda,
        CurrentAgendaItem = view.CurrentAgendaItem,
        Focus = view.Focus,
        SpeakingQueue = view.SpeakingQueue,
        Timer = view.Timer,
        Statements = view.Statements,
        Glossary = view.Glossary.IsDefault ? ImmutableDictionary<Guid, Domain.Languages.GlossaryTerm>.Empty : view.Glossary.ToImmutableDictionary(t => t.TermId),
    };

    public static DialogueView ToView(DialogueState state, MemberView you) =>
        StateViews.Dialogue(state, state.MemberOrNull(you.ParticipantId) is { } me ? StateViews.Member(me) : you);

    public static StatementState ToState(StatementView view, Guid me) => StatementState.Initial(view.Id) with
    {
        DialogueId = view.DialogueId,
        Exists = true,
        Version = view.Version,
        Title = view.Title,
        ClauseOrder = [.. view.Clauses.Select(c => c.Id)],
        Clauses = view.Clauses.ToImmutableDictionary(c => c.Id, c => ToState(c, me)),
        Amendments = view.Amendments.ToImmutableDictionary(a => a.Id),
        Frozen = view.Frozen is { } f ? new FrozenText(f.CanonicalText, f.Hash, f.At, f.Heads) : null,
        Signatures = view.Signatures.GroupBy(s => s.ParticipantId).ToImmutableDictionary(g => g.Key, g => g.Last()),
    };

    public static ClauseState ToState(ClauseView c, Guid me) => new(
        c.Id, c.Kind, c.ExternalId,
        [.. c.Revisions.Select(r => new Revision(r.Number, r.Text, Guid.Empty, r.At, r.Kind, r.Source, r.Rationale))],
        c.CountingSince, c.Withdrawn, c.Parameter,
        c.MyPosition is { } p ? PositionTable.Empty.SetItem(me, p) : PositionTable.Empty,
        (c.MyOptionPositions ?? ImmutableDictionary<string, Position>.Empty)
            .ToImmutableDictionary(o => o.Key, o => PositionTable.Empty.SetItem(me, o.Value)),
        c.MyRange is { } r ? ImmutableDictionary<Guid, StatedRange>.Empty.Add(me, r) : ImmutableDictionary<Guid, StatedRange>.Empty)
    {
        // Translations go back whole: their status is worked out again from the revisions after each event.
        Translations = (c.Translations ?? ImmutableDictionary<string, TranslationView>.Empty).ToImmutableDictionary(t => t.Key, t => ToHistory(t.Value)),
        OptionTranslations = (c.OptionTranslations ?? ImmutableDictionary<string, ImmutableDictionary<string, TranslationView>>.Empty)
            .ToImmutableDictionary(o => o.Key, o => o.Value.ToImmutableDictionary(t => t.Key, t => ToHistory(t.Value))),
    };

    private static ImmutableList<Translation> ToHistory(TranslationView view) =>
        [.. view.History.Select(t => new Translation(t.Number, t.Text, t.SourceRevision, Guid.Empty, t.At))];

    /// <summary>The view the server would send this viewer; it holds only what she was sent, so nothing more is hidden here.</summary>
    public static StatementView ToView(StatementState s, Guid me) => StateViews.Statement(s, me, seesNames: true);

    public static ClauseView ToView(ClauseState c, Guid me) => StateViews.Clause(c, me);
}
