using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The dialogue's settings as the convener set them at creation — title, track, venue, dates,
/// languages, confidentiality and k, description, how long invites live and how many browsers one
/// signs in — to change later. Saving hands the new settings
/// to the page, which asks for confirmation and sends <c>ChangeSettings</c>.
/// </summary>
public sealed partial class SettingsForm
{
    private DialogueSettings? loaded;
    private string title = "";
    private Track track;
    private string venue = "";
    private DateOnly? startsOn;
    private DateOnly? endsOn;
    private string languages = "";
    private ConfidentialityMode confidentiality;
    private int minimumGroupSize;
    private string description = "";
    private int inviteLifetimeDays;
    private int inviteRedemptions;

    [Parameter, EditorRequired]
    public DialogueSettings Settings { get; set; } = null!;

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<DialogueSettings> OnSave { get; set; }

    private DialogueSettings Edited => new(
        title.Trim(), track, Optional(venue), startsOn, endsOn,
        [.. languages.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()],
        confidentiality, minimumGroupSize, Optional(description), inviteLifetimeDays, inviteRedemptions,
        // The form has no field for it yet: saving keeps what the dialogue says (docs/domain.md, "Languages").
        Settings.Authenticity);

    private bool Changed => Describe(Settings, Edited).Count > 0;

    /// <summary>What the form would refuse before the server does, said next to the button.</summary>
    private string? Problem =>
        string.IsNullOrWhiteSpace(title) ? "The dialogue needs a title."
        // Over-long text is refused, never cut (issue 11); the counter under the box says by how much.
        : TextLengthCounter.IsOver(title, Limits.TitleLength) ? $"The title has more than {Limits.TitleLength} characters."
        : TextLengthCounter.IsOver(venue, Limits.ShortTextLength) ? $"The venue has more than {Limits.ShortTextLength} characters."
        : TextLengthCounter.IsOver(description, Limits.ClauseTextLength) ? $"The description has more than {Limits.ClauseTextLength:N0} characters."
        : startsOn is { } s && endsOn is { } e && e < s ? "The dialogue cannot end before it starts."
        : minimumGroupSize is < 1 or > 100 ? "k is between 1 and 100."
        : inviteLifetimeDays is < 1 or > Limits.InviteLifetimeDays ? $"Invites live between 1 and {Limits.InviteLifetimeDays} days."
        : inviteRedemptions is < 1 or > Limits.InviteRedemptions ? $"An invite signs in between 1 and {Limits.InviteRedemptions} browsers."
        : null;

    protected override void OnParametersSet()
    {
        // Fill the form when the settings arrive or someone else changed them, not on every render.
        if (loaded is not null && Describe(loaded, Settings).Count == 0)
            return;
        loaded = Settings;
        Reset();
    }

    private void Reset()
    {
        title = Settings.Title;
        track = Settings.Track;
        venue = Settings.Venue ?? "";
        startsOn = Settings.StartsOn;
        endsOn = Settings.EndsOn;
        languages = Settings.Languages.IsDefaultOrEmpty ? "" : string.Join(", ", Settings.Languages);
        confidentiality = Settings.Confidentiality;
        minimumGroupSize = Settings.MinimumGroupSize;
        description = Settings.Description ?? "";
        inviteLifetimeDays = Settings.InviteLifetimeDays;
        inviteRedemptions = Settings.InviteRedemptions;
    }

    private Task SaveAsync() => Problem is null && Changed ? OnSave.InvokeAsync(Edited) : Task.CompletedTask;

    private static string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What a change of settings changes, one line each, for the confirmation.</summary>
    public static IReadOnlyList<string> Describe(DialogueSettings before, DialogueSettings after)
    {
        var changes = new List<string>();
        void Compare(string what, string? was, string? now)
        {
            if ((was ?? "") != (now ?? ""))
                changes.Add($"{what}: {(string.IsNullOrEmpty(was) ? "none" : was)} → {(string.IsNullOrEmpty(now) ? "none" : now)}");
        }
        Compare("Title", before.Title, after.Title);
        Compare("Track", Presentation.Label(before.Track), Presentation.Label(after.Track));
        Compare("Venue", before.Venue, after.Venue);
        Compare("Starts", before.StartsOn?.ToString("yyyy-MM-dd"), after.StartsOn?.ToString("yyyy-MM-dd"));
        Compare("Ends", before.EndsOn?.ToString("yyyy-MM-dd"), after.EndsOn?.ToString("yyyy-MM-dd"));
        Compare("Languages", Join(before.Languages), Join(after.Languages));
        Compare("Confidentiality", Presentation.Label(before.Confidentiality), Presentation.Label(after.Confidentiality));
        Compare("Minimum group size k", before.MinimumGroupSize.ToString(System.Globalization.CultureInfo.InvariantCulture), after.MinimumGroupSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("Invites live (days)", before.InviteLifetimeDays.ToString(System.Globalization.CultureInfo.InvariantCulture), after.InviteLifetimeDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("Browsers one invite signs in", before.InviteRedemptions.ToString(System.Globalization.CultureInfo.InvariantCulture), after.InviteRedemptions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if ((before.Description ?? "") != (after.Description ?? ""))
            changes.Add("Description changed");
        return changes;
    }

    private static string Join(ImmutableArray<string> values) => values.IsDefaultOrEmpty ? "" : string.Join(", ", values);

    private static string Hint(ConfidentialityMode mode) => mode switch
    {
        ConfidentialityMode.Attributed => "everyone sees who took which position",
        ConfidentialityMode.Anonymous => "counts only, for facilitators too",
        _ => "delegates see counts per group; facilitators see names",
    };
}
