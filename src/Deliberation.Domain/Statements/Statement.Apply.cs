using System.Collections.Immutable;

namespace Deliberation.Domain.Statements;

public static partial class Statement
{
    public static StatementState Apply(StatementState state, StatementEvent e, EventMeta meta)
    {
        var next = e switch
        {
            StatementCreated c => state with { Id = c.StatementId, DialogueId = c.DialogueId, Title = c.Title, Exists = true },
            ClauseAdded c => AddClause(state, c, meta),
            ClauseRevised c => WithClause(state, c.ClauseId, clause => (clause with
            {
                Revisions = clause.Revisions.Add(new Revision(c.Revision, c.Text, meta.Actor, meta.OccurredAt, c.Kind, c.Source, c.Rationale)),
                CountingSince = c.Kind == RevisionKind.Substantive ? c.Revision : clause.CountingSince,
            }).WithResolvedOptionPositions(c, state.Slots)),
            ClauseTranslated c => WithClause(state, c.ClauseId, clause => clause with
            {
                Translations = clause.Translations.SetItem(c.Language, Append(clause.Translations.GetValueOrDefault(c.Language), c.Number, c.Text, c.SourceRevision, meta)),
            }),
            OptionTranslated c => WithClause(state, c.ClauseId, clause =>
            {
                var option = clause.OptionTranslations.GetValueOrDefault(c.OptionId, ImmutableDictionary<string, ImmutableList<Translation>>.Empty);
                option = option.SetItem(c.Language, Append(option.GetValueOrDefault(c.Language), c.Number, c.Text, c.SourceRevision, meta));
                return clause with { OptionTranslations = clause.OptionTranslations.SetItem(c.OptionId, option) };
            }),
            ClauseWithdrawn c => WithClause(state, c.ClauseId, clause => clause with { Withdrawn = true }),
            PositionTaken c => TakePosition(state, c, meta),
            RangeStated c => WithClause(state, c.ClauseId, clause => clause with
            {
                Ranges = clause.Ranges.SetItem(c.ParticipantId, new StatedRange(c.Low, c.High, c.Revision, meta.OccurredAt)),
                ChangedSinceRelease = clause.ChangedSinceRelease.Add(c.ParticipantId),
            }),
            FiguresReleased c => c.Clauses.Aggregate(state, (s, release) => WithClause(s, release.ClauseId, clause => clause with
            {
                ChangedSinceRelease = ImmutableHashSet<Guid>.Empty,
                LastRelease = release,
                LastReleaseVersion = meta.Version,
                LastReleaseAt = meta.OccurredAt,
                LastReleaseTrigger = c.Trigger,
            })),
            AmendmentProposed c => state with
            {
                Amendments = state.Amendments.Add(c.AmendmentId, new Amendment(c.AmendmentId, c.ClauseId, meta.Actor, c.BaseRevision, c.Text, c.Rationale, meta.OccurredAt, AmendmentStatus.Proposed, null, null)),
            },
            AmendmentAccepted c => WithAmendment(state, c.AmendmentId, a => a with
            {
                Status = AmendmentStatus.Accepted, Reason = c.Reason, ResultingRevision = state.Clauses[a.ClauseId].CurrentRevision + 1,
            }),
            AmendmentDeclined c => WithAmendment(state, c.AmendmentId, a => a with { Status = AmendmentStatus.Declined, Reason = c.Reason }),
            StatementFrozen c => state with { Frozen = new FrozenText(c.CanonicalText, c.Hash, meta.OccurredAt, c.Heads) },
            StatementSigned c => state with
            {
                Signatures = state.Signatures.SetItem(meta.Actor, new Signature(meta.Actor, c.Name, c.Affiliation, c.Capacity, c.TextHash, meta.OccurredAt)),
            },
            SignatureWithdrawn => state with { Signatures = state.Signatures.Remove(meta.Actor) },
            _ => throw new InvalidOperationException($"Statement cannot apply {e.GetType().Name}."),
        };
        return next with { Version = meta.Version, UpdatedAt = meta.OccurredAt };
    }

    public static StatementState Replay(Guid id, IEnumerable<(StatementEvent Event, EventMeta Meta)> history) =>
        history.Aggregate(StatementState.Initial(id), (state, h) => Apply(state, h.Event, h.Meta));

    private static StatementState AddClause(StatementState state, ClauseAdded c, EventMeta meta)
    {
        var clause = new ClauseState(
            c.ClauseId, c.Kind, c.ExternalId,
            [new Revision(1, c.Text, meta.Actor, meta.OccurredAt, RevisionKind.Substantive, RevisionSource.Draft, c.Rationale)],
            CountingSince: 1, Withdrawn: false, c.Parameter,
            PositionTable.Empty,
            ImmutableDictionary<string, PositionTable>.Empty,
            ImmutableDictionary<Guid, StatedRange>.Empty);
        var at = c.After is { } after ? state.ClauseOrder.IndexOf(after) + 1 : state.ClauseOrder.Count;
        return state with { Clauses = state.Clauses.Add(c.ClauseId, clause), ClauseOrder = state.ClauseOrder.Insert(at, c.ClauseId) };
    }

    private static StatementState TakePosition(StatementState state, PositionTaken c, EventMeta meta)
    {
        var clause = state.Clauses[c.ClauseId];
        var position = new Position(c.Position, c.Revision, c.Note, meta.OccurredAt);
        // On the statement's numbering, so a newcomer's slot is hers in every clause (StatementState.Slots).
        var table = clause.PositionsOn(c.OptionId).NumberedBy(state.Slots).SetItem(c.ParticipantId, position);
        clause = clause with { ChangedSinceRelease = clause.ChangedSinceRelease.Add(c.ParticipantId) };
        clause = c.OptionId is null
            ? clause with { Positions = table }
            : clause with { OptionPositions = clause.OptionPositions.SetItem(c.OptionId, table) };
        return state with
        {
            Clauses = state.Clauses.SetItem(c.ClauseId, clause),
            Slots = table.Slots.Extends(state.Slots) ? table.Slots : state.Slots,
        };
    }

    private static ImmutableList<Translation> Append(ImmutableList<Translation>? history, int number, string text, int sourceRevision, EventMeta meta) =>
        (history ?? []).Add(new Translation(number, text, sourceRevision, meta.Actor, meta.OccurredAt));

    private static StatementState WithClause(StatementState state, Guid clauseId, Func<ClauseState, ClauseState> change) =>
        state with { Clauses = state.Clauses.SetItem(clauseId, change(state.Clauses[clauseId])) };

    private static StatementState WithAmendment(StatementState state, Guid amendmentId, Func<Amendment, Amendment> change) =>
        state with { Amendments = state.Amendments.SetItem(amendmentId, change(state.Amendments[amendmentId])) };
}
