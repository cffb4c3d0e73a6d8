using System.Collections.Immutable;
using Deliberation.Domain.Languages;

namespace Deliberation.Domain.Dialogues;

/// <summary>What a convener sets when creating a dialogue and may change later.</summary>
/// <param name="MinimumGroupSize">k: groups smaller than this are not shown on their own to non-facilitators.</param>
/// <param name="InviteLifetimeDays">How long an invite may stay redeemable: 1 to <see cref="Limits.InviteLifetimeDays"/> days.</param>
/// <param name="InviteRedemptions">How many sessions one invite may start (a laptop and a phone): 1 to <see cref="Limits.InviteRedemptions"/>.</param>
/// <param name="Languages">The working languages, the source language first (docs/domain.md, "Languages").</param>
/// <param name="Authenticity">Whether the source language alone is authentic or every working language is.</param>
public sealed record DialogueSettings(
    string Title,
    Track Track = Track.Track2,
    string? Venue = null,
    DateOnly? StartsOn = null,
    DateOnly? EndsOn = null,
    ImmutableArray<string> Languages = default,
    ConfidentialityMode Confidentiality = ConfidentialityMode.ChathamHouse,
    int MinimumGroupSize = 3,
    string? Description = null,
    int InviteLifetimeDays = 30,
    int InviteRedemptions = 2,
    Authenticity Authenticity = Authenticity.SourceAuthoritative)
{
    internal RuleError? Validate()
    {
        var error = Check.Text(Title, "title", Limits.TitleLength)
            ?? Check.Text(Venue, "venue", Limits.ShortTextLength, required: false)
            ?? Check.Text(Description, "description", Limits.ClauseTextLength, required: false);
        if (error is not null)
            return error;
        if (StartsOn is { } start && EndsOn is { } end && end < start)
            return RuleError.Invalid("dialogue.dates-reversed", "The dialogue cannot end before it starts.");
        if (!Languages.IsDefault && (Languages.Length > Limits.Languages || Languages.Any(l => Check.Text(l, "language", 35) is not null)))
            return RuleError.Invalid("dialogue.languages-invalid", $"Give at most {Limits.Languages} language tags, such as 'en' or 'zh'.");
        if (!Enum.IsDefined(Authenticity))
            return RuleError.Invalid("dialogue.authenticity-unknown", "Texts are authentic in the source language alone or in every working language.");
        if (MinimumGroupSize is < 1 or > 100)
            return RuleError.Invalid("dialogue.k-out-of-range", "The minimum group size k must be between 1 and 100.");
        if (InviteLifetimeDays is < 1 or > Limits.InviteLifetimeDays)
            return RuleError.Invalid("dialogue.invite-lifetime-out-of-range", $"Invites live between 1 and {Limits.InviteLifetimeDays} days.");
        if (InviteRedemptions is < 1 or > Limits.InviteRedemptions)
            return RuleError.Invalid("dialogue.invite-redemptions-out-of-range", $"An invite signs in between 1 and {Limits.InviteRedemptions} browsers.");
        return null;
    }

    internal DialogueSettings Cleaned() => this with
    {
        Title = Check.Clean(Title),
        Venue = Check.CleanOptional(Venue),
        Description = Check.CleanOptional(Description),
        Languages = Languages.IsDefault ? ["en"] : [.. Languages.Select(Check.Clean).Distinct()],
    };
}
