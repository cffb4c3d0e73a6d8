namespace Deliberation.Domain.Review;

/// <summary>Which figures a viewer saw live: the live ones, or only the releases (<see cref="Consensus.Disclosure.SeesLiveFigures"/>).</summary>
public enum FiguresSeen
{
    Live,
    Released,
}
