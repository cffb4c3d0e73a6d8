using Deliberation.Client.Localization;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The chair's and the rapporteur's view of one clause (docs/consensus.md, "Holdouts"): who
/// opposes or blocks and why, whose position is on an older text, and how many more supporters
/// each group needs. It shows what the server sent for this viewer — names only where the mode
/// lets her see them — and never works anything out about people itself.
/// </summary>
public sealed partial class HoldoutsPanel
{
    /// <summary>The view the server sent; null while it loads.</summary>
    [Parameter]
    public ClauseHoldouts? Holdouts { get; set; }

    /// <summary>Why the view could not be loaded, for the viewer.</summary>
    [Parameter]
    public string? Problem { get; set; }

    [Parameter]
    public Func<Task>? OnRefresh { get; set; }

    /// <summary>Reminds the delegates whose positions are stale; the answer says how many, or why not.</summary>
    [Parameter]
    public Func<Task<ReminderOutcome>>? OnRemind { get; set; }

    private bool reminding;
    private string? reminderResult;
    private bool reminderRefusal;

    private Task RefreshAsync() => OnRefresh?.Invoke() ?? Task.CompletedTask;

    private async Task RemindAsync()
    {
        if (OnRemind is null)
            return;
        reminding = true;
        try
        {
            var outcome = await OnRemind();
            reminderRefusal = !outcome.Sent;
            reminderResult = outcome.Sent
                ? (outcome.Reminded == 1 ? Resources.Console.Get("RemindedOne") : Resources.Console.Format("Reminded", outcome.Reminded))
                : outcome.Error?.Localized() ?? Resources.Console.Get("ReminderNotSent");
        }
        finally
        {
            reminding = false;
        }
    }

    internal static string RemindLabel(int stale) => stale == 1 ? Resources.Console.Get("RemindOne") : Resources.Console.Format("Remind", stale);

    internal static string Describe(Holdout person)
    {
        var on = person.OptionId is null ? "" : Resources.Console.Format("OnOption", person.OptionId);
        return person.Stale
            ? Resources.Console.Format("HoldoutStale", Presentation.Label(person.Kind), on, person.Revision)
            : $"{Presentation.Label(person.Kind)}{on}";
    }

    internal static string StaleText(int stale) => stale switch
    {
        0 => Resources.Console.Get("StaleNone"),
        1 => Resources.Console.Get("StaleOne"),
        _ => Resources.Console.Format("StaleMany", stale),
    };

    internal static string DescribeNeed(GroupNeed need)
    {
        var folded = need.FoldedGroups.IsDefaultOrEmpty ? "" : $" ({string.Join(", ", need.FoldedGroups)})";
        var members = need.Members == 1 ? Resources.Console.Get("OneMember") : Resources.Console.Format("Members", need.Members);
        var needed = need.Needed == 1 ? Resources.Console.Get("NeedsOneMore") : Resources.Console.Format("NeedsMore", need.Needed);
        return Resources.Console.Format("GroupNeed", need.Dimension, need.Group, folded, members, needed);
    }
}
