using Deliberation.Contracts.Review;
using Deliberation.Server.Review;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Api;

/// <summary>
/// How consensus formed on a statement, for every member, each shown exactly what her live room
/// showed (docs/api.md, "Review"; docs/security.md, "Review").
/// </summary>
public static class ReviewApi
{
    public static void MapReviewApi(this WebApplication app)
    {
        var review = app.MapDialogueMembersGroup("/statements/{sid:guid}/review");

        review.MapGet("/timeline", async Task<Results<Ok<ReviewTimeline>, ProblemHttpResult>> (Guid sid, Guid? clause, string? kind, HttpContext http, StatementReview reviews) =>
        {
            var kinds = kind?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Answer(await reviews.TimelineAsync(http.Viewer(), sid, clause, kinds, http.RequestAborted));
        }).ProducesProblem(StatusCodes.Status400BadRequest);

        review.MapGet("/at", async Task<Results<Ok<ReviewSnapshot>, ProblemHttpResult>> (Guid sid, long? moment, HttpContext http, StatementReview reviews) =>
            Answer(await reviews.AtAsync(http.Viewer(), sid, moment, http.RequestAborted)));

        review.MapGet("/compare", async Task<Results<Ok<ReviewComparison>, ProblemHttpResult>> (Guid sid, long from, long to, HttpContext http, StatementReview reviews) =>
            Answer(await reviews.CompareAsync(http.Viewer(), sid, from, to, http.RequestAborted)))
            .ProducesProblem(StatusCodes.Status400BadRequest);

        review.MapGet("/clauses/{cid:guid}/story", async Task<Results<Ok<ClauseStory>, ProblemHttpResult>> (Guid sid, Guid cid, HttpContext http, StatementReview reviews) =>
            Answer(await reviews.StoryAsync(http.Viewer(), sid, cid, http.RequestAborted)));
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(ReviewAnswer<T> answer)
        where T : class =>
        answer.Value is { } value ? TypedResults.Ok(value) : Problems.From(answer.Error!);
}
