using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Contracts.Json;

namespace Deliberation.Client.Api;

/// <summary>The answer to a roster import: the members added, or the problem with each bad row (and nothing added).</summary>
public sealed record RosterImportResult(ImportedRoster? Imported, ApiProblem? Problem, IReadOnlyList<RosterRowProblem> Rows);

public sealed partial class DeliberationApi
{
    /// <summary>Where the dialogue's empty roster file is downloaded from (same origin, so the cookie goes along).</summary>
    public static string RosterTemplatePath(Guid id) => $"api/dialogues/{id}/members/import/template";

    /// <summary>POST /api/dialogues/{id}/members/import with the file as the body (docs/api.md, "Roster by file").</summary>
    public async Task<RosterImportResult> ImportRosterAsync(Guid id, byte[] csv)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/dialogues/{id}/members/import")
            {
                Content = new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" } } },
            };
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
                return new(await response.Content.ReadFromJsonAsync<ImportedRoster>(WireJson.Options), null, []);
            var problem = await ProblemOf(response);
            return new(null, problem, RowsOf(await response.Content.ReadAsStringAsync()));
        }
        catch (HttpRequestException e)
        {
            return new(null, ApiProblem.Unreachable($"The server could not be reached ({e.Message})."), []);
        }
        catch (JsonException e)
        {
            return new(null, new ApiProblem(null, "response.malformed", $"The server's answer could not be read ({e.Message})."), []);
        }
    }

    /// <summary>POST /api/dialogues/{id}/invites/everyone: every member's new link, shown this once.</summary>
    public Task<ApiResult<IssuedInvites>> IssueInvitesForEveryoneAsync(Guid id, bool reissueAll) =>
        SendAsync<IssuedInvites>(HttpMethod.Post, $"api/dialogues/{id}/invites/everyone", new IssueInvitesRequest(reissueAll));

    /// <summary>The problem's <c>rows</c> extension, when it has one.</summary>
    private static IReadOnlyList<RosterRowProblem> RowsOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || JsonNode.Parse(body) is not JsonObject { } json || json["rows"] is not JsonArray rows)
            return [];
        return rows.Deserialize<List<RosterRowProblem>>(WireJson.Options) ?? [];
    }
}
