using Deliberation.Client.Api;
using Deliberation.Client.Localization;
using Deliberation.Client.Resources;
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

    /// <summary>The role words the file takes, as the server reads them (English, lower case, whatever the interface's language).</summary>
    private static string RoleNames => string.Join(", ", Enum.GetNames<Role>().Select(n => n.ToLowerInvariant()));

    private IEnumerable<string> Columns => new[] { "name", "affiliation", "role" }.Concat(Dimensions.Select(d => d.Name));

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        fileName = e.File.Name;
        problems = [];
        if (e.File.Size > MaxBytes)
        {
            status = Setup.Format("RosterTooLarge", fileName);
            return;
        }
        importing = true;
        status = Setup.Format("Importing", fileName);
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = e.File.OpenReadStream(MaxBytes))
                await stream.CopyToAsync(buffer);
            var result = await Api.ImportRosterAsync(DialogueId, buffer.ToArray());
            if (result.Imported is { } imported)
            {
                var count = imported.Members.Count;
                status = count == 1 ? Setup.Format("OneMemberAddedFrom", fileName) : Setup.Format("MembersAddedFrom", count, fileName);
                status += Setup.Get("NoInviteYetIssueBelow");
                await OnImported.InvokeAsync(count);
            }
            else
            {
                problems = result.Rows;
                status = result.Problem?.Localized() ?? Setup.Get("RosterNotImported");
            }
        }
        catch (IOException ex)
        {
            status = Setup.Format("FileNotRead", fileName, ex.Message);
        }
        finally
        {
            importing = false;
        }
    }
}
