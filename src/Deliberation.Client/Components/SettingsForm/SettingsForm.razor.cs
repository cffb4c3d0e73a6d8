using System.Collections.Immutable;
using System.Globalization;
using Deliberation.Client.Resources;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The dialogue's settings as the convener set them at creation — title, track, venue, dates,
/// languages and which are authentic, confidentiality and k, description, how long invites live and how many browsers one
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
    private Authenticity authenticity;
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

    /// <summary>
    /// Why the server refused the last save, in the reader's language, shown beside the button: a
    /// refusal such as <c>dialogue.source-language-fixed</c> concerns this form, not the page.
    /// </summary>
    [Parameter]
    public string? Refusal { get; set; }

    private DialogueSettings Edited => new(
        title.Trim(), track, Optional(venue), startsOn, endsOn,
        [.. languages.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()],
        confidentiality, minimumGroupSize, Optional(description), inviteLifetimeDays, inviteRedemptions, authenticity);

    private bool Changed => Describe(Settings, Edited).Count > 0;

    /// <summary>What the form would refuse before the server does, said next to the button.</summary>
    private string? Problem =>
        string.IsNullOrWhiteSpace(title) ? Setup.Get("TitleRequired")
        // Over-long text is refused, never cut (issue 11); the counter under the box says by how much.
        : TextLengthCounter.IsOver(title, Limits.TitleLength) ? Setup.Format("TitleTooLong", Limits.TitleLength)
        : TextLengthCounter.IsOver(venue, Limits.ShortTextLength) ? Setup.Format("VenueTooLong", Limits.ShortTextLength)
        : TextLengthCounter.IsOver(description, Limits.ClauseTextLength) ? Setup.Format("DescriptionTooLong", Limits.ClauseTextLength)
        : startsOn is { } s && endsOn is { } e && e < s ? Setup.Get("DatesReversed")
        : minimumGroupSize is < 1 or > 100 ? Setup.Get("KOutOfRange")
        : inviteLifetimeDays is < 1 or > Limits.InviteLifetimeDays ? Setup.Format("InviteLifetimeOutOfRange", Limits.InviteLifetimeDays)
        : inviteRedemptions is < 1 or > Limits.InviteRedemptions ? Setup.Format("InviteRedemptionsOutOfRange", Limits.InviteRedemptions)
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
        authenticity = Settings.Authenticity;
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
                changes.Add(Setup.Format("ChangeLine", what, string.IsNullOrEmpty(was) ? Setup.Get("None") : was, string.IsNullOrEmpty(now) ? Setup.Get("None") : now));
        }
        Compare(Setup.Get("Title"), before.Title, after.Title);
        Compare(Setup.Get("Track"), Presentation.Label(before.Track), Presentation.Label(after.Track));
        Compare(Setup.Get("Venue"), before.Venue, after.Venue);
        Compare(Setup.Get("StartsOn"), Date(before.StartsOn), Date(after.StartsOn));
        Compare(Setup.Get("EndsOn"), Date(before.EndsOn), Date(after.EndsOn));
        Compare(Setup.Get("Languages"), Join(before.Languages), Join(after.Languages));
        Compare(Setup.Get("Authenticity"), AuthenticityLabel(before.Authenticity), AuthenticityLabel(after.Authenticity));
        Compare(Setup.Get("Confidentiality"), Presentation.Label(before.Confidentiality), Presentation.Label(after.Confidentiality));
        Compare(Setup.Get("MinimumGroupSize"), Number(before.MinimumGroupSize), Number(after.MinimumGroupSize));
        Compare(Setup.Get("InvitesLiveDays"), Number(before.InviteLifetimeDays), Number(after.InviteLifetimeDays));
        Compare(Setup.Get("InviteRedemptions"), Number(before.InviteRedemptions), Number(after.InviteRedemptions));
        if ((before.Description ?? "") != (after.Description ?? ""))
            changes.Add(Setup.Get("DescriptionChanged"));
        return changes;
    }

    private static string Join(ImmutableArray<string> values) => values.IsDefaultOrEmpty ? "" : string.Join(", ", values);

    /// <summary>A date in the reader's culture, by the pattern its translator chose (Labels.resx DateFormat).</summary>
    private static string? Date(DateOnly? date) => date?.ToString(Labels.Get("DateFormat"), CultureInfo.CurrentCulture);

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>What an authenticity setting means, in a few words; the helper text under the field says what it does to freezing.</summary>
    public static string AuthenticityLabel(Authenticity authenticity) => Setup.Get($"Authenticity_{authenticity}");

    private static string Hint(ConfidentialityMode mode) => mode switch
    {
        ConfidentialityMode.Attributed => Setup.Get("ModeHint_Attributed"),
        ConfidentialityMode.Anonymous => Setup.Get("ModeHint_Anonymous"),
        _ => Setup.Get("ModeHint_ChathamHouse"),
    };
}
