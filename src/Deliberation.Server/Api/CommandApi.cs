using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Api;

/// <summary>
/// Commands over HTTP, for scripts and tools: the body is a domain command with its <c>type</c>
/// (e.g. <c>{"type":"TakePosition","clauseId":…,"revision":1,"position":"Support"}</c>); the answer
/// is the same <c>{accepted, streamId, version, error}</c> the hub returns.
/// </summary>
public static class CommandApi
{
    public static void MapCommandApi(this WebApplication app)
    {
        var dialogue = app.MapDialogueMembersGroup();

        dialogue.MapPost("/commands", async Task<Results<OutcomeHttpResult, ProblemHttpResult>> (Guid id, DialogueCommand command, HttpContext http, DialogueService dialogues) =>
        {
            if (command is CreateDialogue or AddStatement)
                return Problems.Invalid("command.use-endpoint", "Create dialogues and statements with POST /api/dialogues and POST /api/dialogues/{id}/statements.");
            if (CommandGuard.Refusal(command) is { } refusal)
                return Problems.From(refusal);
            return Problems.Outcome(await dialogues.ExecuteAsync(id, command, http.Viewer().ParticipantId));
        });

        dialogue.MapPost("/statements/{sid:guid}/commands", async Task<Results<OutcomeHttpResult, ProblemHttpResult>> (Guid id, Guid sid, StatementCommand command, HttpContext http, DialogueService dialogues) =>
        {
            if (command is CreateStatement)
                return Problems.Invalid("command.use-endpoint", "Create statements with POST /api/dialogues/{id}/statements.");
            if (CommandGuard.Refusal(command) is { } refusal)
                return Problems.From(refusal);
            return Problems.Outcome(await dialogues.ExecuteAsync(id, sid, command, http.Viewer().ParticipantId));
        });
    }
}
