using System.Text;
using Deliberation.Client.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Deliberation.Client.Components;

/// <summary>One format the export endpoint offers, as the menu shows it.</summary>
public sealed record ExportFormat(string Format, string Label, string Extension, bool OpensInBrowser);

/// <summary>
/// Links to the statement as a document (<c>GET …/statements/{sid}/export?format=…</c>), with the
/// choice of the compilation (brackets kept, kinds and statuses noted) or the clean text that gets
/// published (each bracket's first option, no kinds or statuses; docs/api.md, "Statement exports").
/// Plain links, so the browser downloads with the invite cookie and nothing passes through the
/// client; a disclosure rather than a popover menu, so every link is a tab stop.
/// </summary>
public sealed partial class ExportMenu
{
    /// <summary>The formats of docs/api.md, in the order people reach for them.</summary>
    public static readonly IReadOnlyList<ExportFormat> Formats =
    [
        new("pdf", "PDF", "pdf", false),
        new("docx", "Word (.docx)", "docx", false),
        new("html", "Web page (.html)", "html", true),
        new("md", "Markdown (.md)", "md", false),
        new("json", "JSON (.json)", "json", false),
    ];

    private bool open;
    private bool clean;

    [Parameter, EditorRequired]
    public Guid DialogueId { get; set; }

    [Parameter, EditorRequired]
    public Guid StatementId { get; set; }

    [Parameter, EditorRequired]
    public string StatementTitle { get; set; } = "";

    /// <summary>Whether the statement is frozen: then the two texts are the same, and only the compilation's notes differ.</summary>
    [Parameter]
    public bool Frozen { get; set; }

    /// <summary>
    /// The export address of one format: a path under the app's base, so the cookie goes with it. The
    /// document's own words (headings, notes, dates) come in the reader's interface language.
    /// </summary>
    public static string Href(Guid dialogueId, Guid statementId, string format, bool clean) =>
        $"api/dialogues/{dialogueId}/statements/{statementId}/export?format={Uri.EscapeDataString(format)}{(clean ? "&clean=true" : "")}&culture={UiCulture.Current}";

    private string HrefOf(ExportFormat format) => Href(DialogueId, StatementId, format.Format, clean);

    private string FileNameOf(ExportFormat format) => $"{Slug(StatementTitle)}{(clean ? "-clean" : "")}.{format.Extension}";

    private void OnToggle() => open = !open;

    private void Close() => open = false;

    private void OnKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
            open = false;
    }

    /// <summary>A file name from the title: letters and digits (any script) kept, the rest as single dashes.</summary>
    internal static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var name = slug.ToString().Trim('-');
        return name.Length == 0 ? "statement" : name.Length > 80 ? name[..80].TrimEnd('-') : name;
    }
}
