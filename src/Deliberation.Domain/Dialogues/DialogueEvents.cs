using System.Collections.Immutable;
using Deliberation.Domain.Languages;

namespace Deliberation.Domain.Dialogues;

/// <summary>An event of a dialogue's own stream: settings, roster, phase and the room.</summary>
public abstract record DialogueEvent : DomainEvent;

public sealed record DialogueCreated(Guid DialogueId, DialogueSettings Settings, ImmutableArray<Dimension> Dimensions, ConsensusRules Rules, Member Convener) : DialogueEvent;
public sealed record DialogueSettingsChanged(DialogueSettings Settings) : DialogueEvent;
public sealed record DimensionsDefined(ImmutableArray<Dimension> Dimensions) : DialogueEvent;
public sealed record ConsensusRulesChanged(ConsensusRules Rules) : DialogueEvent;
public sealed record MemberAdded(Member Member) : DialogueEvent;
public sealed record MemberUpdated(Member Member) : DialogueEvent;
public sealed record MemberRemoved(Guid ParticipantId) : DialogueEvent;
public sealed record InviteIssued(Guid ParticipantId, string CodeHash, DateTimeOffset ExpiresAt) : DialogueEvent;
public sealed record InviteRevoked(string CodeHash) : DialogueEvent;
public sealed record PhaseChanged(Phase From, Phase To) : DialogueEvent;
public sealed record AgendaItemAdded(AgendaItem Item) : DialogueEvent;
public sealed record AgendaItemRemoved(Guid ItemId) : DialogueEvent;
public sealed record AgendaItemChanged(AgendaItem Item) : DialogueEvent;
public sealed record AgendaItemMoved(Guid ItemId, int Position) : DialogueEvent;
public sealed record CurrentAgendaItemSet(CurrentAgendaItem? Current) : DialogueEvent;
public sealed record FocusSet(Focus? Focus) : DialogueEvent;
public sealed record HandRaised(Guid ParticipantId) : DialogueEvent;
public sealed record HandLowered(Guid ParticipantId) : DialogueEvent;
public sealed record TimerStarted(SessionTimer Timer) : DialogueEvent;
public sealed record TimerStopped : DialogueEvent;
public sealed record StatementAdded(StatementRef Statement) : DialogueEvent;
public sealed record GlossaryTermPinned(GlossaryTerm Term) : DialogueEvent;
public sealed record GlossaryTermUnpinned(Guid TermId) : DialogueEvent;
