using Deliberation.Server.Protection;
using Deliberation.Server.Roster;
using Deliberation.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Api;

/// <summary>
/// Setting up a whole roster at once (docs/api.md, "Roster by file" and "Every invite at once"):
/// the template with the dialogue's own columns, the import, and an invite link for everyone.
/// </summary>
public static class RosterApi
{
    public const string RowsRule = "roster.bad-rows";

    public static void MapRosterApi(this WebApplication app)
    {
        var dialogue = app.MapDialogueMembersGroup();

        dialogue.MapGet("/members/import/template", Results<FileContentHttpResult, ProblemHttpResult> (HttpContext http) =>
        {
            var viewer = http.Viewer();
            if (!viewer.Role.Organises())
                return Problems.Forbidden("role.not-organiser", "Only a convener or facilitator sets up the roster.");
            return TypedResults.File(RosterCsvTemplate.For(viewer.Dialogue.Dimensions), "text/csv", RosterCsvTemplate.FileName);
        }).Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/csv");

        // The body is the CSV file itself (text/csv), not a form: one file, nothing else to send.
        dialogue.MapPost("/members/import", async Task<Results<Ok<ImportedRoster>, ProblemHttpResult>> (HttpContext http, RosterImporter importer) =>
        {
            var viewer = http.Viewer();
            if (viewer.Role != Role.Convener)
                return Problems.Forbidden("role.not-convener", "Only the convener imports a roster.");
            await using var file = await RosterImporter.BufferAsync(http.Request.Body, http.RequestAborted);
            var outcome = await importer.ImportAsync(viewer.Dialogue, file, viewer.ParticipantId);
            if (outcome.Refusal is { } refusal)
                return Problems.From(refusal);
            if (outcome.Problems.Count > 0)
                return RowProblems(outcome.Problems);
            return TypedResults.Ok(new ImportedRoster([.. outcome.Added.Select(m => new ImportedMember(m.ParticipantId, m.DisplayName))]));
        }).WithMetadata(new UploadLimit(RosterCsvReader.MaxBytes + 64 * 1024))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        // The links are in this answer and nowhere else: only their hashes are stored.
        dialogue.MapPost("/invites/everyone", async Task<Results<Ok<IssuedInvites>, ProblemHttpResult>> (IssueInvitesRequest? request, HttpContext http, InviteService invites) =>
        {
            var viewer = http.Viewer();
            if (!viewer.Role.Organises())
                return Problems.Forbidden("role.not-organiser", "Only a convener or facilitator issues invites.");
            var (issued, revoked, refusal) = await invites.IssueForEveryoneAsync(viewer.Dialogue.Id, request?.ReissueAll ?? false, viewer.ParticipantId);
            if (refusal is not null)
                return Problems.From(refusal.Error!);
            http.Response.Headers.CacheControl = "no-store";
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
            var people = issued.Select(i =>
            {
                var link = InviteService.Link(baseUrl, i.Invite.Code);
                return new PersonInvite(i.Member.ParticipantId, i.Member.DisplayName, i.Member.Affiliation, i.Member.Role, link, i.Invite.ExpiresAt, InviteSheet.QrCode(link));
            }).ToList();
            return TypedResults.Ok(new IssuedInvites(people, revoked, InviteSheet.Csv(people)));
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>One problem for the file, with every bad row in <c>rows</c>: nothing was stored.</summary>
    private static ProblemHttpResult RowProblems(IReadOnlyList<RosterRowProblem> rows)
    {
        var message = rows.Count == 1
            ? "The file has 1 problem, so no member was added. Fix it and import the file again."
            : $"The file has {rows.Count} problems, so no member was added. Fix them and import the file again.";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: message,
            detail: message,
            type: Problems.TypeOf(RowsRule),
            extensions: new Dictionary<string, object?> { ["rule"] = RowsRule, ["rows"] = rows });
    }
}
