using Deliberation.Domain.Consensus;
using Deliberation.Server.Documents;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Api;

public static class StatementApi
{
    public static void MapStatementApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/dialogues/{id:guid}/statements/{sid:guid}");

        api.MapGet("/", async (Guid id, Guid sid, HttpContext http, DialogueService dialogues) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            if (viewer is null)
                return problem!;
            return await dialogues.GetStatementAsync(id, sid) is { } statement
                ? Results.Ok(ViewsOf.Statement(statement, viewer, ConsensusRedaction.SeesNames(viewer.Dialogue.Settings.Confidentiality, viewer.Role)))
                : Problems.NotFound("statement.not-found", "The dialogue has no such statement.");
        });

        api.MapGet("/consensus", async (Guid id, Guid sid, string? at, HttpContext http, DialogueService dialogues, DialogueHistory history) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            if (viewer is null)
                return problem!;
            if (viewer.Dialogue.Statements.All(s => s.Id != sid))
                return Problems.NotFound("statement.not-found", "The dialogue has no such statement.");
            if (at is null)
                return Results.Ok(ViewsOf.Consensus(await dialogues.GetConsensusAsync(sid), viewer));
            if (!DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var moment))
                return Problems.Invalid("consensus.bad-time", "'at' must be an ISO-8601 time, e.g. 2024-09-05T14:00:00Z.");
            return Results.Ok(ViewsOf.Consensus(await history.ConsensusAtAsync(id, sid, moment), viewer));
        });

        api.MapGet("/export", async (Guid id, Guid sid, string? format, bool? clean, HttpContext http, DialogueService dialogues) =>
        {
            var (viewer, problem) = await Viewer.ResolveAsync(http, dialogues, id);
            if (viewer is null)
                return problem!;
            if (await dialogues.GetStatementAsync(id, sid) is not { } statement)
                return Problems.NotFound("statement.not-found", "The dialogue has no such statement.");
            var consensus = ViewsOf.Consensus(await dialogues.GetConsensusAsync(sid), viewer);
            return StatementExport.Render(format ?? "md", viewer.Dialogue, statement, consensus, clean ?? false);
        });
    }
}
