using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>Opens an invite by its link or bare code: the server signs the browser in and redirects to the dialogue.</summary>
public sealed partial class InviteCodeForm
{
    private string code = "";

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The code out of whatever was pasted: a whole link (…/invite/CODE) or the code alone.</summary>
    internal string? Code
    {
        get
        {
            var text = code.Trim();
            var at = text.LastIndexOf("/invite/", StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
                text = text[(at + "/invite/".Length)..];
            text = text.Split('?', '#')[0].Trim('/');
            return text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? text : null;
        }
    }

    private void Open()
    {
        if (Code is { } value)
            Navigation.NavigateTo($"/invite/{Uri.EscapeDataString(value)}", forceLoad: true);
    }
}
