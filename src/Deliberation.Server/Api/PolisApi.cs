using Deliberation.Domain;
using Deliberation.Polis;
using Deliberation.Polis.Csv;
using Deliberation.Server.Accounts;
using Deliberation.Server.Extensions;
using Deliberation.Server.Polis;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;
using Deliberation.Server.Protection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Api;

public static class PolisApi
{
    private const string ImportJobRoute = "ImportJob";

    public static void MapPolisApi(this WebApplication app)
    {
        var limits = ImportLimits.From(app.Configuration);
        app.MapPost("/api/imports/polis", async Task<Results<AcceptedAtRoute<ImportJobView>, ProblemHttpResult>> (HttpContext http, ImportJobs jobs, ILogger<ImportPhases> phaseLog) =>
        {
            if (!PolisUpload.IsMultipart(http.Request))
                return Problems.Invalid("polis.not-multipart", "Send the export as multipart/form-data with comments.csv and participants-votes.csv (votes.csv optional).");
            var phases = new ImportPhases(phaseLog);
            var receiving = ImportPhases.Start();
            PolisConversation conversation;
            Stream participantsVotesFile;
            string? title;
            try
            {
                // Read as it arrives, each file through its limit into a temporary file: memory stays
                // bounded whatever is sent, and the body as a whole through the request's limit.
                await using var upload = await PolisUpload.ReadAsync(
                    new ByteLimitedStream(http.Request.Body, limits.MaxRequestBytes, limit =>
                        // As Kestrel's own limit answers; the in-process test server has none of its own.
                        new BadHttpRequestException($"The request is larger than the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge)), http.Request.ContentType!, limits.Reader.MaxBytesPerFile, http.RequestAborted);
                if (upload.Comments is not { } comments || upload.ParticipantsVotes is not { } participantsVotes)
                    return Problems.Invalid("polis.missing-file", "Both comments.csv and participants-votes.csv are required.");
                phases.Add("receive", receiving);
                var reading = ImportPhases.Start();
                conversation = PolisReader.Read(comments, participantsVotes, upload.Votes, limits.Reader);
                title = upload.Title;
                // The plan reads the votes again from the file as it writes them, rather than hold them all.
                participantsVotesFile = upload.TakeParticipantsVotes()!;
                phases.Add("read", reading);
            }
            catch (PolisFormatException e)
            {
                return Problems.Invalid(e.Rule, e.Message);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return RequestSizeLimit.TooLarge(limits.MaxRequestBytes);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return Problems.Invalid("polis.malformed-upload", "The multipart body is malformed: " + e.Message);
            }
            title = title is { Length: > 0 } given ? given : "Imported Pol.is conversation";
            var me = http.User.ParticipantId() ?? Guid.NewGuid();
            var name = http.User.Identity?.Name ?? "Importer";
            // The domain judges the plan as the job writes it, however long that takes: a refusal fails the job
            // with its rule and leaves nothing (docs/api.md, "Pol.is imports").
            var job = jobs.Start(ImportPlan.Of(conversation, title, name, participantsVotesFile, limits.Reader), http.OrganiserAccountId(), me, name, phases);
            return TypedResults.AcceptedAtRoute(job.View(), ImportJobRoute, new { jobId = job.Id });
        }).RequireOrganiserAccount().RequireRateLimiting(ApiProtectionExtensions.ImportPolicy).DisableAntiforgery()
            .WithMetadata(new UploadLimit(limits.MaxRequestBytes))
            // No Accepts metadata: routing would answer a non-form body 415 before the handler can name the rule.
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        app.MapGet("/api/imports/{jobId:guid}", async Task<Results<Ok<ImportJobView>, ProblemHttpResult>> (Guid jobId, HttpContext http, ImportJobs jobs, DialogueService dialogues) =>
        {
            if (jobs.Find(jobId, http.OrganiserAccountId()) is not { } job)
                return Problems.NotFound("import.not-found", "There is no such import job (jobs are forgotten an hour after they finish, and when the server restarts).");
            var view = job.View();
            if (view.Result is { } imported)
            {
                // The importer is the new dialogue's convener: the poll that sees it done signs her in, as creating one does.
                var founding = await dialogues.FoundingSessionAsync(imported.DialogueId);
                await http.SignInSessionAsync(founding, http.User.Identity?.Name ?? "Importer");
            }
            return TypedResults.Ok(view);
        }).RequireOrganiserAccount().WithName(ImportJobRoute)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapDialogueMembersGroup().MapGet("/export/polis", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, string? file, HttpContext http, DialogueService dialogues, PolisExporter exporter) =>
        {
            var viewer = http.Viewer();
            if (!viewer.Role.Organises())
                return Problems.Forbidden("role.not-organiser", "Only a convener or facilitator exports the votes.");
            if (viewer.Dialogue.Statements.FirstOrDefault() is not { } first || await dialogues.GetStatementAsync(id, first.Id) is not { } statement)
                return Problems.NotFound("statement.not-found", "The dialogue has no statement to export.");
            var conversation = exporter.Export(viewer.Dialogue, statement);
            if (file is null)
                return TypedResults.File(PolisExporter.Zip(conversation), "application/zip", "polis-export.zip");
            using MemoryStream comments = new(), participants = new(), votes = new();
            PolisWriter.Write(conversation, comments, participants, votes);
            return file switch
            {
                "comments.csv" => TypedResults.File(comments.ToArray(), "text/csv", file),
                "participants-votes.csv" => TypedResults.File(participants.ToArray(), "text/csv", file),
                "votes.csv" => TypedResults.File(votes.ToArray(), "text/csv", file),
                _ => Problems.Invalid("polis.unknown-file", "file is comments.csv, participants-votes.csv or votes.csv."),
            };
        }).Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/zip", "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
