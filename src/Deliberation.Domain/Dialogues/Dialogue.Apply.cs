using System.Collections.Immutable;

namespace Deliberation.Domain.Dialogues;

public static partial class Dialogue
{
    /// <summary>Evolves the state by one event. Total: every event the decider emits has a case here.</summary>
    public static DialogueState Apply(DialogueState state, DialogueEvent e, EventMeta meta)
    {
        var next = e switch
        {
            DialogueCreated c => state with
            {
                Id = c.DialogueId, Exists = true, Settings = c.Settings, Dimensions = c.Dimensions, Rules = c.Rules,
                Roster = state.Roster.SetItem(c.Convener.ParticipantId, c.Convener), CreatedAt = meta.OccurredAt,
            },
            DialogueSettingsChanged c => state with { Settings = c.Settings },
            DimensionsDefined c => state with { Dimensions = c.Dimensions },
            ConsensusRulesChanged c => state with { Rules = c.Rules },
            MemberAdded c => state with { Roster = state.Roster.SetItem(c.Member.ParticipantId, c.Member) },
            MemberUpdated c => state with { Roster = state.Roster.SetItem(c.Member.ParticipantId, c.Member) },
            MemberRemoved c => state with
            {
                Roster = state.Roster.Remove(c.ParticipantId),
                SpeakingQueue = state.SpeakingQueue.Remove(c.ParticipantId),
            },
            InviteIssued c => state with
            {
                Invites = state.Invites.SetItem(c.CodeHash, c.ParticipantId),
                InviteExpiry = state.InviteExpiry.SetItem(c.CodeHash, c.ExpiresAt),
            },
            InviteRevoked c => state with { Invites = state.Invites.Remove(c.CodeHash), InviteExpiry = state.InviteExpiry.Remove(c.CodeHash) },
            // A timebox belongs to the phase it was started in: leaving that phase ends it, so "time is up"
            // does not follow the room into Signing or onto the projector (issue 11).
            PhaseChanged c => state with { Phase = c.To, PositionsOpened = state.PositionsOpened || c.To.AllowsPositions(), Timer = null },
            AgendaItemAdded c => state with { Agenda = state.Agenda.Add(c.Item) },
            AgendaItemRemoved c => state with
            {
                Agenda = state.Agenda.RemoveAll(i => i.Id == c.ItemId),
                CurrentAgendaItem = state.CurrentAgendaItem?.ItemId == c.ItemId ? null : state.CurrentAgendaItem,
            },
            AgendaItemChanged c => state with { Agenda = state.Agenda.Replace(state.Agenda.Single(i => i.Id == c.Item.Id), c.Item) },
            AgendaItemMoved c => state with { Agenda = MoveItem(state.Agenda, c.ItemId, c.Position) },
            CurrentAgendaItemSet c => state with { CurrentAgendaItem = c.Current },
            FocusSet c => state with { Focus = c.Focus },
            HandRaised c => state with { SpeakingQueue = state.SpeakingQueue.Add(c.ParticipantId) },
            HandLowered c => state with { SpeakingQueue = state.SpeakingQueue.Remove(c.ParticipantId) },
            TimerStarted c => state with { Timer = c.Timer },
            TimerStopped => state with { Timer = null },
            StatementAdded c => state with { Statements = state.Statements.Add(c.Statement) },
            GlossaryTermPinned c => state with { Glossary = state.Glossary.SetItem(c.Term.TermId, c.Term) },
            GlossaryTermUnpinned c => state with { Glossary = state.Glossary.Remove(c.TermId) },
            _ => throw new InvalidOperationException($"Dialogue cannot apply {e.GetType().Name}."),
        };
        var basis = e is DialogueCreated or DimensionsDefined or ConsensusRulesChanged or MemberAdded or MemberUpdated or MemberRemoved
            ? meta.Version
            : state.ConsensusBasisVersion;
        return next with { Version = meta.Version, UpdatedAt = meta.OccurredAt, ConsensusBasisVersion = basis };
    }

    /// <summary>The item lands at <paramref name="position"/> of the agenda as it reads afterwards, as a dragged row does.</summary>
    private static ImmutableList<AgendaItem> MoveItem(ImmutableList<AgendaItem> agenda, Guid itemId, int position)
    {
        var item = agenda.Single(i => i.Id == itemId);
        var without = agenda.Remove(item);
        return without.Insert(Math.Clamp(position, 0, without.Count), item);
    }

    /// <summary>Folds a history into a state: the same function rebuilds now and any past moment.</summary>
    public static DialogueState Replay(Guid id, IEnumerable<(DialogueEvent Event, EventMeta Meta)> history) =>
        history.Aggregate(DialogueState.Initial(id), (state, h) => Apply(state, h.Event, h.Meta));
}
