using System.Collections.Immutable;

namespace Deliberation.Domain.Participants;

/// <summary>A person across dialogues: profile and the dialogues she was invited to.</summary>
public sealed record ParticipantState(Guid Id, bool Exists, long Version, string DisplayName, string? Affiliation, ImmutableList<Guid> Dialogues)
{
    public static ParticipantState Initial(Guid id) => new(id, false, 0, "", null, []);
}

public abstract record ParticipantEvent : DomainEvent;
public sealed record ParticipantRegistered(Guid ParticipantId, string DisplayName, string? Affiliation) : ParticipantEvent;
public sealed record ProfileUpdated(string DisplayName, string? Affiliation) : ParticipantEvent;
public sealed record DialogueJoined(Guid DialogueId, Role Role) : ParticipantEvent;

public abstract record ParticipantCommand;
public sealed record RegisterParticipant(string DisplayName, string? Affiliation) : ParticipantCommand;
public sealed record UpdateProfile(string DisplayName, string? Affiliation) : ParticipantCommand;
public sealed record JoinDialogue(Guid DialogueId, Role Role) : ParticipantCommand;

/// <summary>The participant decider.</summary>
public static class Participant
{
    public static Decision<ParticipantEvent> Decide(ParticipantState state, ParticipantCommand command)
    {
        if (command is RegisterParticipant register)
        {
            if (state.Exists)
                return RuleError.Conflict("participant.exists", "The participant is registered already.");
            return Profile(register.DisplayName, register.Affiliation) is { } error
                ? error
                : Decision<ParticipantEvent>.Accept(new ParticipantRegistered(state.Id, Check.Clean(register.DisplayName), Check.CleanOptional(register.Affiliation)));
        }
        if (!state.Exists)
            return RuleError.NotFound("participant.not-found", "There is no such participant.");
        return command switch
        {
            UpdateProfile c => Profile(c.DisplayName, c.Affiliation) is { } error
                ? error
                : Decision<ParticipantEvent>.Accept(new ProfileUpdated(Check.Clean(c.DisplayName), Check.CleanOptional(c.Affiliation))),
            JoinDialogue c => state.Dialogues.Contains(c.DialogueId)
                ? Decision<ParticipantEvent>.Accept()
                : Decision<ParticipantEvent>.Accept(new DialogueJoined(c.DialogueId, c.Role)),
            _ => RuleError.Invalid("command.unknown", $"A participant does not handle {command.GetType().Name}."),
        };
    }

    public static ParticipantState Apply(ParticipantState state, ParticipantEvent e, EventMeta meta) => (e switch
    {
        ParticipantRegistered r => state with { Exists = true, DisplayName = r.DisplayName, Affiliation = r.Affiliation },
        ProfileUpdated p => state with { DisplayName = p.DisplayName, Affiliation = p.Affiliation },
        DialogueJoined j => state with { Dialogues = state.Dialogues.Add(j.DialogueId) },
        _ => throw new InvalidOperationException($"Participant cannot apply {e.GetType().Name}."),
    }) with { Version = meta.Version };

    private static RuleError? Profile(string name, string? affiliation) =>
        Check.Text(name, "name", Limits.NameLength) ?? Check.Text(affiliation, "affiliation", Limits.ShortTextLength, required: false);
}
