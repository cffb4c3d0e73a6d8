using Deliberation.Domain;
using Deliberation.Domain.Sessions;

namespace Deliberation.Grains.Sessions;

/// <summary>One dialogue's sessions (docs/security.md, "Sessions"), keyed by the dialogue's id.</summary>
[Alias("Deliberation.ISessionsGrain")]
public interface ISessionsGrain : IGrainWithGuidKey
{
    [Alias("Execute")]
    Task<CommandOutcome> ExecuteAsync(SessionCommand command, Guid actor);

    /// <summary>Reads only the in-memory state, which changes whole, so it may interleave.</summary>
    [AlwaysInterleave, Alias("GetState")]
    Task<Immutable<DialogueSessionsState>> GetStateAsync();
}
