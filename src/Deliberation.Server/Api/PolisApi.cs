using Deliberation.Domain;
using Deliberation.Polis;
using Deliberation.Server.Accounts;
using Deliberation.Server.Extensions;
using Deliberation.Server.Polis;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Api;

public static class PolisApi
{
    /// <summary>Three files at the reader's per-file limit, and room for the form around them.</summary>
    public static readonly long MaxImportBytes = 3 * PolisImporter.Limits.MaxBytesPerFile + 1024 * 1024;

    public static void MapPolisApi(this WebApplication app)
    {
        app.MapPost("/api/imports/polis", async Task<Results<Created<ImportedConversation>, ProblemHttpResult>> (HttpContext http, PolisImporter importer) =>
        {
            if (!http.Request.HasFormContentType)
                return Problems.Invalid("polis.not-multipart", "Send the export as multipart/form-data with comments.csv and participants-votes.csv (votes.csv optional).");
            // Kestrel's default body limit (30 MB) would cut off files the reader allows (32 MiB each, three of them).
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
                bodySize.MaxRequestBodySize = MaxImportBytes;
            var form = await http.Request.ReadFormAsync();
            var comments = File(form, "comments.csv");
            var participantsVotes = File(form, "participants-votes.csv");
            if (comments is null || participantsVotes is null)
                return Problems.Invalid("polis.missing-file", "Both comments.csv and participants-votes.csv are required.");
            var votes = File(form, "votes.csv");
            PolisConversation conversation;
            try
            {
                await using var c = comments.OpenReadStream();
                await using var p = participantsVotes.OpenReadStream();
                await using var v = votes?.OpenReadStream();
                conversation = PolisReader.Read(c, p, v, PolisImporter.Limits);
            }
            catch (PolisFormatException e)
            {
                return Problems.Invalid(e.Rule, e.Message);
            }
            var title = form["title"].FirstOrDefault() is { Length: > 0 } given ? given : "Imported Pol.is conversation";
            var me = http.User.ParticipantId();
            var name = http.User.Identity?.Name ?? "Importer";
            var (imported, error) = await importer.ImportAsync(conversation, title, me ?? Guid.NewGuid(), name);
            if (imported is null)
                return Problems.From(error!);
            var dialogues = http.RequestServices.GetRequiredService<DialogueService>();
            var founding = await dialogues.FoundingSessionAsync(imported.DialogueId);
            await http.RequestServices.GetRequiredService<AccountDialogues>().RecordAsync(http.OrganiserAccountId(), imported.DialogueId, founding.ParticipantId);
            await http.SignInSessionAsync(founding, name);
            return TypedResults.Created($"/api/dialogues/{imported.DialogueId}",
                new ImportedConversation(imported.DialogueId, imported.StatementId, imported.Clauses, imported.Participants, imported.Positions));
        }).RequireOrganiserAccount().RequireRateLimiting(ApiProtectionExtensions.ImportPolicy).DisableAntiforgery()
            // No Accepts metadata: routing would answer a non-form body 415 before the handler can name the rule.
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

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

    /// <summary>A part named after the file (form field or file name), so curl -F comments.csv=@… and -F file=@comments.csv both work.</summary>
    private static IFormFile? File(IFormCollection form, string name) =>
        form.Files.GetFile(name) ?? form.Files.FirstOrDefault(f => string.Equals(f.FileName, name, StringComparison.OrdinalIgnoreCase));
}
