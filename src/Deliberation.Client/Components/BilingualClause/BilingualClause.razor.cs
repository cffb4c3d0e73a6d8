using System.Globalization;
using Deliberation.Contracts.Views;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// A clause in the reader's language with the other working languages beside it (docs/domain.md,
/// "Languages"): a translation behind its source is marked stale or for review, with the source's
/// word diff since the revision it translated. Under 600 px the other columns fold behind a toggle.
/// </summary>
public sealed partial class BilingualClause
{
    private bool showOther;

    [Parameter, EditorRequired]
    public ClauseView Clause { get; set; } = null!;

    [Parameter, EditorRequired]
    public WorkingLanguages Languages { get; set; } = null!;

    /// <summary>The language the reader chose; it comes first.</summary>
    [Parameter]
    public string? Reading { get; set; }

    [Parameter]
    public IReadOnlyList<GlossaryTerm>? Glossary { get; set; }

    [Parameter]
    public bool Large { get; set; }

    private string OtherLanguages => string.Join(", ", Columns.Skip(1).Select(LanguageNames.Label));

    /// <summary>The marks and labels are in the interface's language, though they sit in a column of the text's.</summary>
    private static string InterfaceLanguage => CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : "en";

    private IReadOnlyList<string> Columns =>
        Reading is { } reading && Languages.IsWorking(reading) ? [reading, .. Languages.All.Where(l => l != reading)] : Languages.All;
}
