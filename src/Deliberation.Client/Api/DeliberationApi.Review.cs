using System.Globalization;
using Deliberation.Contracts.Review;

namespace Deliberation.Client.Api;

/// <summary>The review of a statement (docs/api.md, "Review"): every answer is already redacted for the caller.</summary>
public sealed partial class DeliberationApi
{
    public static string ReviewPath(Guid id, Guid statementId) => $"api/dialogues/{id}/statements/{statementId}/review";

    /// <summary>
    /// The history report as a document (html or pdf): a plain link, so the browser downloads it with the
    /// cookie; its headings and labels in the reader's interface language.
    /// </summary>
    public static string ReviewReportPath(Guid id, Guid statementId, string format) =>
        $"{ReviewPath(id, statementId)}/report?format={Uri.EscapeDataString(format)}&culture={Localization.UiCulture.Current}";

    /// <summary>The redacted event log as JSON lines, what the offline verifier and the review's Verify button check.</summary>
    public static string EventLogPath(Guid id) => $"api/dialogues/{id}/events?format=jsonl";

    public Task<ApiResult<ReviewTimeline>> GetReviewTimelineAsync(Guid id, Guid statementId) =>
        GetAsync<ReviewTimeline>($"{ReviewPath(id, statementId)}/timeline");

    /// <summary>The statement and matrix as they stood after <paramref name="moment"/>; null asks for now.</summary>
    public Task<ApiResult<ReviewSnapshot>> GetReviewSnapshotAsync(Guid id, Guid statementId, long? moment) =>
        GetAsync<ReviewSnapshot>($"{ReviewPath(id, statementId)}/at{(moment is { } m ? $"?moment={N(m)}" : "")}");

    public Task<ApiResult<ReviewComparison>> CompareMomentsAsync(Guid id, Guid statementId, long from, long to) =>
        GetAsync<ReviewComparison>($"{ReviewPath(id, statementId)}/compare?from={N(from)}&to={N(to)}");

    public Task<ApiResult<ClauseStory>> GetClauseStoryAsync(Guid id, Guid statementId, Guid clauseId) =>
        GetAsync<ClauseStory>($"{ReviewPath(id, statementId)}/clauses/{clauseId}/story");

    /// <summary>The whole redacted log as text, for the browser's own check of the chains.</summary>
    public async Task<ApiResult<string>> GetEventLogAsync(Guid id)
    {
        try
        {
            using var response = await http.GetAsync(EventLogPath(id));
            return response.IsSuccessStatusCode
                ? ApiResult<string>.Success(await response.Content.ReadAsStringAsync())
                : ApiResult<string>.Failure(await ProblemOf(response));
        }
        catch (HttpRequestException e)
        {
            return ApiResult<string>.Failure(ApiProblem.Unreachable($"The server could not be reached ({e.Message})."));
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
