using System.Collections.Immutable;
using Deliberation.Domain.Languages;

namespace Deliberation.Domain.Dialogues;

/// <summary>A request to change a dialogue, named in the imperative; <see cref="Dialogue.Decide"/> judges it.</summary>
public abstract record DialogueCommand;

/// <summary>Creates the dialogue with its creator as convener.</summary>
public sealed record CreateDialogue(Guid DialogueId, DialogueSettings Settings, ImmutableArray<Dimension> Dimensions, ConsensusRules? Rules, string ConvenerName, string? ConvenerAffiliation) : DialogueCommand;
/// <summary>
/// Changes the settings. <paramref name="TranslationsExist"/> — whether any clause of the dialogue is
/// translated yet — is filled in by the server from the statements (DialogueService), never taken from a client:
/// a translation is bound to its language's place, so the working languages are then fixed.
/// </summary>
public sealed record ChangeSettings(DialogueSettings Settings, bool TranslationsExist = false) : DialogueCommand;
public sealed record DefineDimensions(ImmutableArray<Dimension> Dimensions) : DialogueCommand;
public sealed record ChangeConsensusRules(ConsensusRules Rules) : DialogueCommand;
public sealed record AddMember(Member Member) : DialogueCommand;
public sealed record UpdateMember(Member Member) : DialogueCommand;
public sealed record RemoveMember(Guid ParticipantId) : DialogueCommand;
public sealed record IssueInvite(Guid ParticipantId, string CodeHash, DateTimeOffset ExpiresAt) : DialogueCommand;
public sealed record RevokeInvite(string CodeHash) : DialogueCommand;
public sealed record SetPhase(Phase Phase) : DialogueCommand;
public sealed record AddAgendaItem(AgendaItem Item) : DialogueCommand;
public sealed record RemoveAgendaItem(Guid ItemId) : DialogueCommand;
/// <summary>Replaces an agenda item's title, timebox and clause; its place and id stay.</summary>
public sealed record ChangeAgendaItem(AgendaItem Item) : DialogueCommand;
/// <summary>Moves an agenda item to a place (0 is first) in the agenda.</summary>
public sealed record MoveAgendaItem(Guid ItemId, int Position) : DialogueCommand;
/// <summary>Takes up an agenda item now (null: no item is current).</summary>
public sealed record SetCurrentAgendaItem(Guid? ItemId) : DialogueCommand;
public sealed record SetFocus(Guid? StatementId, Guid? ClauseId) : DialogueCommand;
public sealed record RaiseHand : DialogueCommand;
/// <summary>Lowers the caller's hand, or — for a facilitator — anyone's (giving them the floor).</summary>
public sealed record LowerHand(Guid? ParticipantId) : DialogueCommand;
public sealed record StartTimer(string Label, int Seconds) : DialogueCommand;
public sealed record StopTimer : DialogueCommand;
public sealed record AddStatement(Guid StatementId, string Title) : DialogueCommand;
/// <summary>Pins a glossary term, or changes the one of the same id: its agreed rendering per working language and a note.</summary>
public sealed record PinGlossaryTerm(GlossaryTerm Term) : DialogueCommand;
public sealed record UnpinGlossaryTerm(Guid TermId) : DialogueCommand;
