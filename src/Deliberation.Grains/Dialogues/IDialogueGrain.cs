using Deliberation.Domain;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Grains.Dialogues;

/// <summary>One dialogue: settings, roster, phase and the room. One event stream.</summary>
[Alias("Deliberation.IDialogueGrain")]
public interface IDialogueGrain : IGrainWithGuidKey
{
    [Alias("Execute")]
    Task<CommandOutcome> ExecuteAsync(DialogueCommand command, Guid actor);

    /// <summary>Runs commands all-or-nothing, committed together (imports, seeding).</summary>
    [Alias("ExecuteBatch")]
    Task<CommandOutcome> ExecuteBatchAsync(IReadOnlyList<DialogueCommand> commands, Guid actor);

    /// <summary>The state, not copied: callers must treat it as the immutable record it is.</summary>
    [Alias("GetState")]
    Task<Immutable<DialogueState>> GetStateAsync();
}
