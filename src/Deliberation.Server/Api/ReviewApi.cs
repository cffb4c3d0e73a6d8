using System.Globalization;
using Deliberation.Contracts.Localization;
using Deliberation.Contracts.Review;
using Deliberation.Server.Documents;
using Deliberation.Server.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

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

        // The history report a convener attaches to the published statement, as this caller may see it.
        review.MapGet("/report", async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> (Guid sid, string? format, string? culture, HttpContext http, StatementReview reviews, IStringLocalizer<ExportWords> localizer) =>
        {
            if (format is not (null or "html" or "pdf"))
                return Problems.From(ReviewRules.UnknownFormat);
            if (ExportWords.ForRequest(localizer, culture) is not { } words)
                return Problems.Invalid(InterfaceCultures.UnsupportedRule, InterfaceCultures.UnsupportedMessage(culture));
            var answer = await reviews.ReportAsync(http.Viewer(), sid, http.RequestAborted, words);
            return answer.Value is { } report ? Report(report, format) : Problems.From(answer.Error!);
        })
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/html", "application/pdf")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult> Report(HistoryReport report, string? format) => (format ?? "html").ToLowerInvariant() switch
    {
        "html" => TypedResults.Text(HtmlHistoryReport.Render(report, MomentCulture(report)), HtmlHistoryReport.ContentType),
        "pdf" => ExportFonts.Installed is { } fonts
            ? TypedResults.File(PdfHistoryReport.Render(report, fonts, MomentCulture(report)), PdfHistoryReport.ContentType, ExportFileName.For($"{report.Statement.Title} history", "pdf"))
            : Problems.WithStatus(StatusCodes.Status500InternalServerError, "export.no-font", "The server has no font to draw PDFs with; install one (docs/operations.md) or take the HTML report."),
        _ => Problems.From(ReviewRules.UnknownFormat),
    };

    // The moments read in the language the report's other words were asked in.
    private static CultureInfo MomentCulture(HistoryReport report) => CultureInfo.GetCultureInfo(report.Words.Culture);

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(ReviewAnswer<T> answer)
        where T : class =>
        answer.Value is { } value ? TypedResults.Ok(value) : Problems.From(answer.Error!);
}
