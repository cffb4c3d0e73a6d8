using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Visibility;

/// <summary>
/// Whom a rendering is for: a role in a confidentiality mode and — for her own positions — the
/// viewer herself. Everything the visibility module hides or folds follows from these three.
/// </summary>
public readonly record struct Audience(Role Role, ConfidentialityMode Mode, Guid? Viewer)
{
    /// <summary>Whether this audience may learn who took which position.</summary>
    public bool SeesNames => ConsensusRedaction.SeesNames(Mode, Role);

    /// <summary>Whether this audience sees live figures; otherwise it sees only released ones, under the room folding.</summary>
    public bool SeesLiveFigures => Disclosure.SeesLiveFigures(Mode, Role);

    /// <summary>A role as a whole, with no viewer whose own positions it would show.</summary>
    public static Audience OfRole(Role role, ConfidentialityMode mode) => new(role, mode, null);
}
