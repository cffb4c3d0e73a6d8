using Deliberation.Domain;
using Deliberation.Domain.Participants;

namespace Deliberation.Grains.Participants;

/// <summary>A person across dialogues: profile, the dialogues she joined.</summary>
[Alias("Deliberation.IParticipantGrain")]
public interface IParticipantGrain : IGrainWithGuidKey
{
    [Alias("Execute")]
    Task<CommandOutcome> ExecuteAsync(ParticipantCommand command);

    [Alias("GetState")]
    Task<Immutable<ParticipantState>> GetStateAsync();
}
