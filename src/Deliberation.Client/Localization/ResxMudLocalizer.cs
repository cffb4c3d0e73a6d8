using Deliberation.Client.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Deliberation.Client.Localization;

/// <summary>
/// MudBlazor's built-in texts (a dialog's or an alert's close button, the pagers) from our Mud.resx.
/// A key we do not translate is "not found", so MudBlazor falls back to its own English.
/// </summary>
internal sealed class ResxMudLocalizer(IStringLocalizer<Mud> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => texts[key];

    public override LocalizedString this[string key, params object[] arguments] => texts[key, arguments];
}
