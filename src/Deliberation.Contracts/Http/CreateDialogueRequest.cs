using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;

namespace Deliberation.Contracts.Http;

/// <summary>
/// POST /api/dialogues: everything but the title has a sensible default, applied by
/// <see cref="ToCommand"/> so the browser and a script with three fields get the same dialogue.
/// The lists are nullable rather than <c>= default</c>: the OpenAPI schema writer cannot write a
/// default <see cref="ImmutableArray{T}"/> as a parameter's default value.
/// </summary>
public sealed record CreateDialogueRequest(
    string Title,
    Track? Track = null,
    string? Venue = null,
    DateOnly? StartsOn = null,
    DateOnly? EndsOn = null,
    ImmutableArray<string>? Languages = null,
    ConfidentialityMode? Confidentiality = null,
    int? MinimumGroupSize = null,
    string? Description = null,
    ImmutableArray<Dimension>? Dimensions = null,
    ConsensusRule? Rule = null,
    ImmutableDictionary<ClauseKind, ConsensusRule>? RuleOverrides = null,
    string? ConvenerName = null,
    string? ConvenerAffiliation = null,
    Authenticity? Authenticity = null)
{
    public CreateDialogue ToCommand(string convenerName) => new(
        Guid.NewGuid(),
        new DialogueSettings(Title ?? "", Track ?? Domain.Track.Track2, Venue, StartsOn, EndsOn, Languages.GetValueOrDefault(),
            Confidentiality ?? ConfidentialityMode.ChathamHouse, MinimumGroupSize ?? 3, Description,
            Authenticity: Authenticity ?? Domain.Languages.Authenticity.SourceAuthoritative),
        Dimensions is { IsDefault: false } dimensions ? dimensions : [],
        new ConsensusRules(Rule ?? ConsensusRule.Default, RuleOverrides ?? ImmutableDictionary<ClauseKind, ConsensusRule>.Empty),
        convenerName,
        ConvenerAffiliation);
}
