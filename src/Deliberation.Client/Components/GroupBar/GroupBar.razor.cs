using Deliberation.Client.Resources;
using System.Globalization;
using Deliberation.Domain.Consensus;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A clause's groups in one dimension as small coloured blocks: a glance at where support stands.</summary>
public sealed partial class GroupBar
{
    [Parameter, EditorRequired]
    public ClauseConsensus? Consensus { get; set; }

    private DimensionConsensus? Dimension =>
        Consensus?.Dimensions.FirstOrDefault(d => d.CountsForConsensus) ?? Consensus?.Dimensions.FirstOrDefault();

    private string Summary => Dimension is null ? "" :
        $"{Dimension.Name}: " + string.Join(", ", Dimension.Groups.Select(g => $"{g.Group} {Presentation.Percent(g.Share)}{(g.MeetsRule ? " ✓" : "")}{(g.Block > 0 ? " " + Labels.Get("Position_Block").ToLower(CultureInfo.CurrentCulture) : "")}"));
}
