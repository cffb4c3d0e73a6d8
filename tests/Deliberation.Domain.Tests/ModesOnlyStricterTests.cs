using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>
/// docs/domain.md, "Modes only become stricter": once positions could be taken, a position is always
/// shown under the strictest mode since it was taken — an organiser cannot relax the mode to see it.
/// </summary>
public sealed class ModesOnlyStricterTests
{
    private static DialogueSettings Settings(DialogueBuilder dialogue, ConfidentialityMode mode) => dialogue.Dialogue.Settings with { Confidentiality = mode };

    [Theory]
    [InlineData(ConfidentialityMode.Anonymous, ConfidentialityMode.ChathamHouse)]
    [InlineData(ConfidentialityMode.Anonymous, ConfidentialityMode.Attributed)]
    [InlineData(ConfidentialityMode.ChathamHouse, ConfidentialityMode.Attributed)]
    public void OnceOpenForPositions_TheModeCannotBecomeLessStrict(ConfidentialityMode from, ConfidentialityMode to)
    {
        var dialogue = new DialogueBuilder(confidentiality: from);
        dialogue.AddDelegates(3, DialogueBuilder.China);
        dialogue.InPhase(Phase.Deliberation);

        var error = dialogue.Refused(new ChangeSettings(Settings(dialogue, to)), dialogue.Convener);

        Assert.Equal(("dialogue.mode-only-stricter", ErrorKind.Conflict), (error.Rule, error.Kind));
        // Stepping back to Setup does not reopen the door: positions were taken under the stricter mode.
        dialogue.InPhase(Phase.Setup);
        Assert.True(dialogue.Dialogue.PositionsOpened);
        Assert.Equal("dialogue.mode-only-stricter", dialogue.Refused(new ChangeSettings(Settings(dialogue, to)), dialogue.Convener).Rule);
    }

    [Theory]
    [InlineData(ConfidentialityMode.Attributed, ConfidentialityMode.ChathamHouse)]
    [InlineData(ConfidentialityMode.ChathamHouse, ConfidentialityMode.Anonymous)]
    [InlineData(ConfidentialityMode.Anonymous, ConfidentialityMode.Anonymous)]
    public void AStricterOrTheSameMode_IsAlwaysAccepted(ConfidentialityMode from, ConfidentialityMode to)
    {
        var dialogue = new DialogueBuilder(confidentiality: from);
        dialogue.InPhase(Phase.Deliberation);

        dialogue.Must(new ChangeSettings(Settings(dialogue, to)), dialogue.Convener);

        Assert.Equal(to, dialogue.Dialogue.Settings.Confidentiality);
    }

    [Fact]
    public void BeforePositionsOpen_TheModeMayChangeEitherWay()
    {
        var dialogue = new DialogueBuilder(confidentiality: ConfidentialityMode.Anonymous);
        Assert.False(dialogue.Dialogue.PositionsOpened);

        dialogue.Must(new ChangeSettings(Settings(dialogue, ConfidentialityMode.Attributed)), dialogue.Convener);

        Assert.Equal(ConfidentialityMode.Attributed, dialogue.Dialogue.Settings.Confidentiality);
    }
}
