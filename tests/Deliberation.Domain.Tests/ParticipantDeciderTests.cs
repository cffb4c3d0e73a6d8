using Deliberation.Domain.Participants;

namespace Deliberation.Domain.Tests;

/// <summary>The participant decider: a profile across dialogues.</summary>
public sealed class ParticipantDeciderTests
{
    private static readonly Guid Id = new("6f1c2a9e-0000-0000-0000-000000000001");

    private static ParticipantState Run(ParticipantState state, ParticipantCommand command)
    {
        var decision = Participant.Decide(state, command);
        Assert.True(decision.IsAccepted, decision.Error?.ToString());
        return decision.Events.Aggregate(state, (s, e) => Participant.Apply(s, e, new EventMeta(s.Version + 1, DateTimeOffset.UnixEpoch, Id)));
    }

    [Fact]
    public void RegisteringCleansTheProfile()
    {
        var state = Run(ParticipantState.Initial(Id), new RegisterParticipant("  Geoffrey Hinton ", " "));
        Assert.Equal((true, "Geoffrey Hinton", (string?)null, 1L), (state.Exists, state.DisplayName, state.Affiliation, state.Version));
    }

    [Fact]
    public void RegisteringTwiceIsAConflict()
    {
        var state = Run(ParticipantState.Initial(Id), new RegisterParticipant("Name", null));
        var error = Participant.Decide(state, new RegisterParticipant("Name", null)).Error;
        Assert.Equal(("participant.exists", ErrorKind.Conflict), (error?.Rule, error?.Kind));
    }

    [Fact]
    public void UnregisteredParticipantIsNotFound() =>
        Assert.Equal("participant.not-found", Participant.Decide(ParticipantState.Initial(Id), new UpdateProfile("Name", null)).Error?.Rule);

    [Fact]
    public void JoiningADialogueTwiceRecordsItOnce()
    {
        var dialogue = Guid.NewGuid();
        var state = Run(Run(ParticipantState.Initial(Id), new RegisterParticipant("Name", null)), new JoinDialogue(dialogue, Role.Delegate));

        var again = Participant.Decide(state, new JoinDialogue(dialogue, Role.Delegate));

        Assert.True(again.IsAccepted);
        Assert.Empty(again.Events);
        Assert.Equal([dialogue], state.Dialogues);
    }

    [Fact]
    public void NameOverTheLimitIsRefused() =>
        Assert.Equal("name.too-long", Participant.Decide(ParticipantState.Initial(Id), new RegisterParticipant(new string('n', Limits.NameLength + 1), null)).Error?.Rule);
}
