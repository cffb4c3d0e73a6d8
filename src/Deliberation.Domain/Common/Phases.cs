namespace Deliberation.Domain;

/// <summary>The rules of what each phase allows (docs/domain.md).</summary>
public static class Phases
{
    public static bool AllowsPositions(this Phase phase) => phase is Phase.Deliberation or Phase.Drafting or Phase.FinalReading;

    /// <summary>Text is edited in Drafting; Setup allows it too, so a convener can prepare the draft before anyone takes positions.</summary>
    public static bool AllowsEditing(this Phase phase) => phase is Phase.Setup or Phase.Drafting;

    public static bool AllowsAmendments(this Phase phase) => phase is Phase.Deliberation or Phase.Drafting;

    /// <summary>Brackets are resolved while drafting and at the final reading.</summary>
    public static bool AllowsResolution(this Phase phase) => phase is Phase.Drafting or Phase.FinalReading;

    public static bool AllowsFreezing(this Phase phase) => phase is Phase.FinalReading or Phase.Signing;

    public static bool AllowsSigning(this Phase phase) => phase is Phase.Signing;

    /// <summary>A timer boxes debate: once the text is frozen for signing, or the dialogue closed, there is none (issue 11).</summary>
    public static bool AllowsTimer(this Phase phase) => phase is not (Phase.Signing or Phase.Closed);

    /// <summary>Forward one step at a time; back one step while the text is still open, never out of Signing or Closed.</summary>
    public static bool CanMove(Phase from, Phase to) =>
        to == from + 1 || (to == from - 1 && from is Phase.Deliberation or Phase.Drafting or Phase.FinalReading);
}
