using System.Net;
using Deliberation.Domain;
using Deliberation.Persistence;
using Deliberation.Persistence.Accounts;
using Deliberation.Polis;
using Deliberation.Server.Accounts;
using Deliberation.Server.Polis;
using Deliberation.Server.Services;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Server.Tests;

/// <summary>
/// An import in flight writes under the dialogue's own scope, marked pending (docs/architecture.md,
/// "Imports: a job, staged, made visible in one step"). The attacker knows the dialogue's and its
/// statement's ids (leaked, or guessed) and holds a session in a dialogue of her own, so every member
/// route asks the dialogue itself about her; she tries every path while the import is written whole but
/// not yet made visible, and the node's review-trace follower runs meanwhile. Nothing may show, not even
/// that the dialogue exists; after the one-row promotion everything does.
/// </summary>
public sealed class PendingImportAttackTests
{
    [Fact]
    public async Task APendingImportShowsNothingThroughAnyPathUntilItIsMadeVisible()
    {
        using var folder = new TempFolder("deliberation-pending-import");
        SyntheticPolisExport.Write(folder.File("export"), participants: 40, comments: 6);
        await using var settings = new ServerFactory();
        // The follower every 50 ms and a stored trace every 10 events: it would store one of a visible import at once.
        await using var server = settings.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Review:FollowEvery", "00:00:00.05");
            builder.UseSetting("Review:SaveTraceEvery", "10");
        });
        ApiClient NewClient() => new(server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));
        using var attacker = await NewClient().SignInAsOrganiserAsync();
        await Expect.OkAsync(await attacker.PostAsync("/api/dialogues", new { title = "Her own dialogue", confidentiality = ConfidentialityMode.Attributed, dimensions = Array.Empty<object>(), convenerName = "Mallory" }));

        var plan = ReadPlan(folder.File("export"));
        var importer = Guid.NewGuid();
        var staging = server.Services.GetRequiredService<IImportStaging>();
        var store = server.Services.GetRequiredService<IEventStore>();
        var positionBefore = await store.LastPositionAsync();
        var staged = await StagedImport.StageAsync(plan, staging, importer, DateTimeOffset.UtcNow, _ => { },
            new ImportPhases(NullLogger<ImportPhases>.Instance), CancellationToken.None);
        Assert.Null(staged.Refused);
        Assert.True(staged.Written > 240, $"{staged.Written} events staged");
        Assert.Equal(staged.Written, await RowsInScopeAsync(settings, plan.DialogueId));

        var dialogue = $"/api/dialogues/{plan.DialogueId}";
        var statement = $"{dialogue}/statements/{plan.StatementId}";
        string[] paths =
        [
            dialogue, $"{dialogue}/events", $"{dialogue}/verify", $"{dialogue}/export/polis", statement,
            $"{statement}/consensus", $"{statement}/export?format=json", $"{statement}/review/timeline",
        ];
        // A dialogue that never existed answers exactly so: the pending one must be indistinguishable.
        var nowhere = await attacker.GetAsync($"/api/dialogues/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        for (var round = 0; round < 2; round++)
        {
            foreach (var path in paths)
                await Expect.RefusedAsync(await attacker.GetAsync(path), HttpStatusCode.NotFound, "dialogue.not-found");
            Assert.DoesNotContain(plan.DialogueId.ToString(), (await attacker.GetJsonAsync("/api/dialogues")).ToJsonString(), StringComparison.OrdinalIgnoreCase);
            // Let the follower take a few turns over what was written meanwhile.
            await Task.Delay(TimeSpan.FromMilliseconds(400));
        }
        Assert.Empty(await store.ReadScopeAsync(StreamIds.Scope(plan.DialogueId)));
        Assert.Empty(await store.ReadStreamAsync(StreamIds.Statement(plan.StatementId)));
        Assert.DoesNotContain(await store.ListStreamsAfterAsync(positionBefore), s => s.Scope == StreamIds.Scope(plan.DialogueId));
        Assert.Null(await store.LoadSnapshotAsync(StreamIds.Statement(plan.StatementId)));
        Assert.Equal(0, await ReviewTracesAsync(settings, plan.StatementId));

        // Made visible in one row, then adopted and recorded as the job does.
        Assert.True(await staging.PromoteAsync(StreamIds.Scope(plan.DialogueId)));
        await server.Services.GetRequiredService<DialogueService>().AdoptImportedAsync(plan.DialogueId, importer, "Importer");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<UserManager<OrganiserAccount>>().FindByEmailAsync(TestOrganiser.Email);
            await scope.ServiceProvider.GetRequiredService<AccountDialogues>().RecordAsync(account!.Id, plan.DialogueId, importer);
        }

        // The account the import is recorded for, entering as the importer, now sees all of it: the paths above could answer.
        Assert.Contains(plan.DialogueId.ToString(), (await attacker.GetJsonAsync("/api/dialogues")).ToJsonString(), StringComparison.OrdinalIgnoreCase);
        await Expect.OkAsync(await attacker.PostAsync($"/api/account/dialogues/{plan.DialogueId}/enter", new { }));
        var view = await attacker.GetJsonAsync(dialogue);
        Assert.Equal(plan.DialogueId, view["id"]!.GetValue<Guid>());
        var events = await attacker.GetJsonAsync($"{dialogue}/events");
        Assert.NotEmpty(events["events"]!.AsArray());
        Assert.True((await attacker.GetJsonAsync($"{dialogue}/verify"))["intact"]!.GetValue<bool>());
        Assert.Equal(6, (await attacker.GetJsonAsync($"{statement}/consensus"))["clauses"]!.AsArray().Count);
        Assert.NotNull(await store.LoadSnapshotAsync(StreamIds.Statement(plan.StatementId)));
        Assert.Equal(staged.Written, (await store.ReadScopeAsync(StreamIds.Scope(plan.DialogueId))).Count);
    }

    private static ImportPlan ReadPlan(string export)
    {
        using var comments = File.OpenRead(Path.Combine(export, PolisFiles.Comments));
        using var participantsVotes = File.OpenRead(Path.Combine(export, PolisFiles.ParticipantsVotes));
        return ImportPlan.Of(PolisReader.Read(comments, participantsVotes, null, PolisImporter.Limits), "Pending", "Importer");
    }

    private static async Task<long> RowsInScopeAsync(ServerFactory server, Guid dialogueId) =>
        await CountAsync(server, "SELECT COUNT(*) FROM Events WHERE Scope = $p", StreamIds.Scope(dialogueId));

    private static async Task<long> ReviewTracesAsync(ServerFactory server, Guid statementId) =>
        await CountAsync(server, "SELECT COUNT(*) FROM Snapshots WHERE StreamId LIKE 'review-trace-%' || $p", $"{statementId:N}");

    private static async Task<long> CountAsync(ServerFactory server, string sql, string parameter)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
