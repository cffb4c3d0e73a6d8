using Deliberation.Server.Integrity;

namespace Deliberation.Server.Api;

public static class IntegrityApi
{
    /// <summary>
    /// GET /api/dialogues/{id}/verify (members): every stream of the dialogue verified afresh, naming
    /// the first bad version and what is wrong with it (docs/api.md, "Verifiable history"). It tells a
    /// member only whether and where the chain breaks, never an event's content.
    /// </summary>
    public static void MapIntegrityApi(this WebApplication app)
    {
        var dialogue = app.MapDialogueMembersGroup();
        dialogue.MapGet("/verify", async (Guid id, DialogueChains chains, CancellationToken cancellationToken) =>
            TypedResults.Ok(await chains.VerifyAsync(id, cancellationToken)));
    }

    /// <summary>The verification services and the background verifier.</summary>
    public static void AddHistoryVerification(this WebApplicationBuilder builder)
    {
        // Fail at start on a bad setting rather than in the background later.
        BackgroundChainVerifier.Interval(builder.Configuration["History:VerifyEvery"]);
        builder.Services.AddSingleton<DialogueChains>();
        builder.Services.AddHostedService<BackgroundChainVerifier>();
    }
}
