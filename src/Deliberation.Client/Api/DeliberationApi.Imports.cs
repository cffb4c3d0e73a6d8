using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deliberation.Contracts.Json;

namespace Deliberation.Client.Api;

/// <summary>One file of a Pol.is export as the organiser picked it: its Pol.is name and its content, read as it is sent.</summary>
public sealed record PolisExportFile(string Name, Func<Stream> Open);

public sealed partial class DeliberationApi
{
    /// <summary>
    /// POST /api/imports/polis (docs/api.md, "Pol.is imports"): the files as multipart/form-data, each part
    /// named as Pol.is names the file; the answer is the job to follow (202), or the problem with the files.
    /// </summary>
    public async Task<ApiResult<ImportJobView>> StartPolisImportAsync(string? title, IReadOnlyList<PolisExportFile> files)
    {
        try
        {
            using var form = new MultipartFormDataContent();
            if (!string.IsNullOrWhiteSpace(title))
                form.Add(new StringContent(title), "title");
            foreach (var file in files)
            {
                var content = new StreamContent(file.Open());
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                form.Add(content, file.Name, file.Name);
            }
            using var response = await http.PostAsync("api/imports/polis", form);
            if (!response.IsSuccessStatusCode)
                return ApiResult<ImportJobView>.Failure(await ProblemOf(response));
            return await response.Content.ReadFromJsonAsync<ImportJobView>(WireJson.Options) is { } job
                ? ApiResult<ImportJobView>.Success(job)
                : ApiResult<ImportJobView>.Failure(new ApiProblem(response.StatusCode, "response.empty", "The server sent an empty answer."));
        }
        catch (HttpRequestException e)
        {
            return ApiResult<ImportJobView>.Failure(ApiProblem.Unreachable($"The server could not be reached ({e.Message})."));
        }
        catch (IOException e)
        {
            return ApiResult<ImportJobView>.Failure(new ApiProblem(null, "import.unreadable-file", $"A file could not be read ({e.Message}). Pick it again."));
        }
        catch (JsonException e)
        {
            return ApiResult<ImportJobView>.Failure(new ApiProblem(null, "response.malformed", $"The server's answer could not be read ({e.Message})."));
        }
    }

    /// <summary>GET /api/imports/{jobId}: where the import stands; the poll that sees it done signs the importer in as its convener.</summary>
    public Task<ApiResult<ImportJobView>> GetImportJobAsync(Guid jobId) => GetAsync<ImportJobView>($"api/imports/{jobId}");
}
