using System.Globalization;
using Deliberation.Contracts.Localization;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.History;
using Deliberation.Grains.History;
using Deliberation.Persistence;
using Deliberation.Server.Documents;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Deliberation.Server.Api;

public static class StatementApi
{
    public static void MapStatementApi(this WebApplication app)
    {
        var statement = app.MapDialogueMembersGroup("/statements/{sid:guid}");

        statement.MapGet("", async Task<Results<Ok<StatementView>, ProblemHttpResult>> (Guid id, Guid sid, HttpContext http, DialogueService dialogues) =>
        {
            var viewer = http.Viewer();
            return await dialogues.GetStatementAsync(id, sid) is { } state
                ? TypedResults.Ok(ViewsOf.Statement(state, viewer, ConsensusRedaction.SeesNames(viewer.Dialogue.Settings.Confidentiality, viewer.Role)))
                : Problems.NotFound("statement.not-found", "The dialogue has no such statement.");
        });

        // Live figures for a viewer who sees them; the last release of each clause for everyone else,
        // now and at any past moment (docs/api.md, "Consensus"). audience=room asks for what the
        // room sees — the projector's view, whoever opens it.
        statement.MapGet("/consensus", async Task<Results<Ok<StatementConsensus>, ProblemHttpResult>> (Guid id, Guid sid, string? at, string? audience, HttpContext http, DialogueService dialogues, DialogueHistory history) =>
        {
            var viewer = http.Viewer();
            if (viewer.Dialogue.Statements.All(s => s.Id != sid))
                return Problems.NotFound("statement.not-found", "The dialogue has no such statement.");
            if (audience is not (null or "room"))
                return Problems.Invalid("consensus.bad-audience", "'audience' is either absent (you) or 'room' (what the projector shows).");
            var role = audience is "room" ? Viewer.Room(viewer.Dialogue).Role : viewer.Role;
            if (at is null)
                return await dialogues.GetStatementAsync(id, sid) is { } state
                    ? TypedResults.Ok(await dialogues.ConsensusForAsync(state, viewer.Dialogue, role))
                    : Problems.NotFound("statement.not-found", "The dialogue has no such statement.");
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
                return Problems.Invalid("consensus.bad-time", "'at' must be an ISO-8601 time, e.g. 2024-09-05T14:00:00Z.");
            return TypedResults.Ok(await history.ConsensusAtAsync(id, sid, moment, viewer.Dialogue, role));
        }).ProducesProblem(StatusCodes.Status400BadRequest);

        // The chair's view of one clause: who holds out and why, and what each group needs (docs/api.md,
        // "Holdouts"). Names and live figures only where the mode shows them to this viewer; delegates
        // and observers are refused outright, since the view exists to run the meeting.
        statement.MapGet("/clauses/{cid:guid}/holdouts", async Task<Results<Ok<ClauseHoldouts>, ProblemHttpResult>> (Guid id, Guid sid, Guid cid, HttpContext http, DialogueService dialogues) =>
        {
            var viewer = http.Viewer();
            if (!Holdouts.MayView(viewer.Role))
                return Problems.From(Holdouts.NotAllowed);
            if (await dialogues.GetStatementAsync(id, sid) is not { } state)
                return Problems.NotFound("statement.not-found", "The dialogue has no such statement.");
            return state.ClauseOrNull(cid) is { } clause
                ? TypedResults.Ok(Holdouts.Of(clause, viewer.Dialogue, viewer.Role))
                : Problems.NotFound("clause.not-found", "The statement has no such clause.");
        }).ProducesProblem(StatusCodes.Status403Forbidden);

        // A document in the format asked for: text (md, html), a file (docx, pdf) or JSON; docs/api.md.
        statement.MapGet("/export", async Task<Results<ContentHttpResult, FileContentHttpResult, Ok<ExportedStatement>, ProblemHttpResult>> (Guid id, Guid sid, string? format, bool? clean, string? language, string? culture, HttpContext http, DialogueService dialogues, IEventStore store, IStringLocalizer<ExportWords> localizer) =>
        {
            // The words around the text in the reader's interface language; the text in the working language asked for.
            if (ExportWords.ForRequest(localizer, culture) is not { } words)
                return Problems.Invalid(InterfaceCultures.UnsupportedRule, InterfaceCultures.UnsupportedMessage(culture));
            var viewer = http.Viewer();
            if (await dialogues.GetStatementAsync(id, sid) is not { } state)
                return Problems.NotFound("statement.not-found", "The dialogue has no such statement.");
            // An export prints what its reader may see: a release viewer's document has released figures.
            var consensus = await dialogues.ConsensusForAsync(state, viewer.Dialogue, viewer.Role);
            // The heads at the versions the document was read at, so what it prints is what they cover.
            var heads = new HistoryHeads(
                await store.HeadAtAsync(StreamIds.Dialogue(id), viewer.Dialogue.Version),
                await store.HeadAtAsync(StreamIds.Statement(sid), state.Version));
            return StatementExport.Render(format ?? "md", viewer.Dialogue, state, consensus, clean ?? false, heads, language, words);
        })
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/markdown", "text/html", "application/pdf", "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
