using Deliberation.Client.Api;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Deliberation.Client.Components;

/// <summary>
/// "Import roster (CSV)" on the setup page, for the convener: the template to fill in, the upload,
/// and, when the server refuses the file, every bad row in a table (docs/api.md, "Roster by file").
/// The file is all or nothing, so the table says that nothing was imported.
/// </summary>
public sealed partial class RosterImport
{
    /// <summary>The server's limit on a roster file; a larger one is not even sent.</summary>
    private const long MaxBytes = 1024 * 1024;

    private IReadOnlyList<RosterRowProblem> problems = [];
    private string status = "";
    private string fileName = "the file";
    private bool importing;

    [Parameter, EditorRequired]
    public Guid DialogueId { get; set; }

    [Parameter]
    public IReadOnlyList<Dimension> Dimensions { get; set; } = [];

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Called with how many members were added, so the page reloads its roster.</summary>
    [Parameter]
    public EventCallback<int> OnImported { get; set; }

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    private string InputId => $"roster-file-{DialogueId:N}";

    private IEnumerable<string> Columns => new[] { "name", "affiliation", "role" }.Concat(Dimensions.Select(d => d.Name));

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        fileName = e.File.Name;
        problems = [];
        if (e.File.Size > MaxBytes)
        {
            status = $"{fileName} is larger than 1 MiB: import the roster in parts.";
            return;
        }
        importing = true;
        status = $"Importing {fileName}…";
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = e.File.OpenReadStream(MaxBytes))
                await stream.CopyToAsync(buffer);
            var result = await Api.ImportRosterAsync(DialogueId, buffer.ToArray());
            if (result.Imported is { } imported)
            {
                var count = imported.Members.Count;
                status = count == 1 ? $"1 member added from {fileName}." : $"{count} members added from {fileName}.";
                status += " They have no invite yet: issue invites for everyone below.";
                await OnImported.InvokeAsync(count);
            }
            else
            {
                problems = result.Rows;
                status = result.Problem?.Message ?? "The roster could not be imported.";
            }
        }
        catch (IOException ex)
        {
            status = $"{fileName} could not be read ({ex.Message}).";
        }
        finally
        {
            importing = false;
        }
    }
}
