using System.Collections.Immutable;
using Deliberation.Client.Api;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The setup page's form for one new member: name, affiliation, role and a group per dimension.
/// Once the member is added every field starts again from empty, groups and role included: keeping
/// the previous person's groups once gave a rapporteur someone else's region and sector unnoticed.
/// </summary>
public sealed partial class AddMemberForm
{
    private readonly Dictionary<string, string> groups = [];
    private string name = "";
    private string affiliation = "";
    private Role role = Role.Delegate;

    [Parameter, EditorRequired]
    public ImmutableArray<Dimension> Dimensions { get; set; }

    [Parameter]
    public Track Track { get; set; } = Track.Track2;

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Adds the member; true when she was added, so the form can be emptied for the next person.</summary>
    [Parameter, EditorRequired]
    public Func<AddMemberRequest, Task<bool>> OnAdd { get; set; } = null!;

    /// <summary>
    /// A government group chosen in a Track 2 dialogue, which by definition has no serving officials
    /// (docs/domain.md). Only a hint: "Government" may well stand for former officials.
    /// </summary>
    private string? OfficialInTrackTwo => Track == Track.Track2
        ? groups.Values.FirstOrDefault(g => g.Contains("Government", StringComparison.OrdinalIgnoreCase))
        : null;

    private async Task AddAsync()
    {
        if (Busy || string.IsNullOrWhiteSpace(name))
            return;
        var request = new AddMemberRequest(
            name.Trim(), string.IsNullOrWhiteSpace(affiliation) ? null : affiliation.Trim(), role,
            groups.Where(g => g.Value.Length > 0).ToImmutableDictionary(g => g.Key, g => g.Value));
        if (!await OnAdd(request))
            return;
        name = "";
        affiliation = "";
        role = Role.Delegate;
        groups.Clear();
    }
}
