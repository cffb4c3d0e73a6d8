using System.Collections.Immutable;
using Deliberation.Client.Resources;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// Edits one roster member in place: name, affiliation, role and her group in each dimension.
/// Saving hands the changed member to the page, which asks for confirmation and sends
/// <c>UpdateMember</c>. An organiser does not change her own role here: she could lock herself out.
/// </summary>
public sealed partial class MemberEditor
{
    private readonly Dictionary<string, string> groups = [];
    private Guid editing;
    private string name = "";
    private string affiliation = "";
    private Role role;
    private ElementReference nameInput;

    [Parameter, EditorRequired]
    public MemberView Member { get; set; } = null!;

    [Parameter, EditorRequired]
    public ImmutableArray<Dimension> Dimensions { get; set; }

    /// <summary>Whether the member is the viewer.</summary>
    [Parameter]
    public bool IsYou { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<Member> OnSave { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    private Member Edited => new(
        Member.ParticipantId, name.Trim(), string.IsNullOrWhiteSpace(affiliation) ? null : affiliation.Trim(), role,
        groups.Where(g => g.Value.Length > 0).ToImmutableDictionary(g => g.Key, g => g.Value));

    private bool Changed => Describe(Member, Edited).Count > 0;

    protected override void OnParametersSet()
    {
        if (editing == Member.ParticipantId)
            return;
        editing = Member.ParticipantId;
        name = Member.DisplayName;
        affiliation = Member.Affiliation ?? "";
        role = Member.Role;
        groups.Clear();
        foreach (var (dimension, group) in Member.Groups)
            groups[dimension] = group;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Opened from the row's Edit button: a keyboard user lands in the form, not after it.
        if (firstRender)
        {
            try
            {
                await nameInput.FocusAsync();
            }
            catch (Microsoft.JSInterop.JSException)
            {
                // Focusing is a convenience only.
            }
        }
    }

    private Task OnKeyDown(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e) =>
        e.Key == "Escape" ? OnCancel.InvokeAsync() : Task.CompletedTask;

    private Task SaveAsync() => string.IsNullOrWhiteSpace(name) || !Changed ? Task.CompletedTask : OnSave.InvokeAsync(Edited);

    /// <summary>What an edit changes, one line each, for the confirmation.</summary>
    public static IReadOnlyList<string> Describe(MemberView before, Member after)
    {
        var changes = new List<string>();
        if (before.DisplayName != after.DisplayName)
            changes.Add(Setup.Format("ChangeLine", Setup.Get("Name"), before.DisplayName, after.DisplayName));
        if ((before.Affiliation ?? "") != (after.Affiliation ?? ""))
            changes.Add(Setup.Format("ChangeLine", Setup.Get("Affiliation"), before.Affiliation ?? Setup.Get("None"), after.Affiliation ?? Setup.Get("None")));
        if (before.Role != after.Role)
            changes.Add(Setup.Format("ChangeLine", Setup.Get("Role"), Presentation.Label(before.Role), Presentation.Label(after.Role)));
        foreach (var dimension in before.Groups.Keys.Union(after.Groups.Keys).Order(StringComparer.Ordinal))
        {
            var was = before.Groups.GetValueOrDefault(dimension);
            var now = after.Groups.GetValueOrDefault(dimension);
            if (was != now)
                changes.Add(Setup.Format("ChangeLine", dimension, was ?? Setup.Get("None"), now ?? Setup.Get("None")));
        }
        return changes;
    }
}
