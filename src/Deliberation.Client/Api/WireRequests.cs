using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Client.Api;

/// <summary>POST /api/dialogues.</summary>
public sealed record CreateDialogueRequest(
    string Title,
    Track Track,
    string? Venue,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    ImmutableArray<string> Languages,
    ConfidentialityMode Confidentiality,
    int MinimumGroupSize,
    string? Description,
    ImmutableArray<Dimension> Dimensions,
    ConsensusRule Rule,
    string ConvenerName,
    string? ConvenerAffiliation);

/// <summary>POST /api/dialogues/{id}/members.</summary>
public sealed record AddMemberRequest(string DisplayName, string? Affiliation, Role Role, ImmutableDictionary<string, string> Groups);

/// <summary>POST /api/dialogues/{id}/statements.</summary>
public sealed record AddStatementRequest(string Title);
