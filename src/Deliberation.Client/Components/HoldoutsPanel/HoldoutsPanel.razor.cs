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
                ? (outcome.Reminded == 1 ? "Reminded 1 delegate." : $"Reminded {outcome.Reminded} delegates.")
                : outcome.Error?.Message ?? "The reminder was not sent.";
        }
        finally
        {
            reminding = false;
        }
    }

    internal static string RemindLabel(int stale) => stale == 1 ? "Remind 1 delegate" : $"Remind {stale} delegates";

    internal static string Describe(Holdout person)
    {
        var on = person.OptionId is null ? "" : $" on option {person.OptionId}";
        return person.Stale
            ? $"{Presentation.Label(person.Kind)}{on}, given on revision {person.Revision}: no longer counted until given again"
            : $"{Presentation.Label(person.Kind)}{on}";
    }

    internal static string StaleText(int stale) => stale switch
    {
        0 => "Every position was given on the current text.",
        1 => "1 person's position was given on an older revision and no longer counts.",
        _ => $"{stale} people's positions were given on an older revision and no longer count.",
    };

    internal static string DescribeNeed(GroupNeed need)
    {
        var folded = need.FoldedGroups.IsDefaultOrEmpty ? "" : $" ({string.Join(", ", need.FoldedGroups)})";
        var members = need.Members == 1 ? "1 member" : $"{need.Members} members";
        var needed = need.Needed == 1 ? "needs 1 more supporter" : $"needs {need.Needed} more supporters";
        return $"{need.Dimension} · {need.Group}{folded}, {members}: {needed}";
    }
}
