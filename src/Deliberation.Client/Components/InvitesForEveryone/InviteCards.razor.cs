using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>The printable sheet of invites: per person the name, role, affiliation, a QR code of the link and the link itself.</summary>
public sealed partial class InviteCards
{
    [Parameter, EditorRequired]
    public IReadOnlyList<PersonInvite> Invites { get; set; } = [];

    /// <summary>The dialogue's title, so a card found on a desk says what it opens.</summary>
    [Parameter]
    public string Title { get; set; } = "";
}
