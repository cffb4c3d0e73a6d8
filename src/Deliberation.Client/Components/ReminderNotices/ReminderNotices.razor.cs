using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>The chair's reminders to this delegate that her position on a clause is on an older text.</summary>
public sealed partial class ReminderNotices
{
    [Parameter]
    public IReadOnlyList<StaleReminderView> Reminders { get; set; } = [];

    /// <summary>Opens the clause the reminder names.</summary>
    [Parameter]
    public EventCallback<Guid> OnOpen { get; set; }

    [Parameter]
    public EventCallback<Guid> OnDismiss { get; set; }
}
