using System.Diagnostics;
using System.Text.Json.Nodes;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Deliberation.Server.Tests;

/// <summary>
/// Issue 10, "Imports of any size, all or nothing" (docs/architecture.md, "Imports: a job, staged, made
/// visible in one step"): a real server process on its own SQLite file, a synthetic export large enough
/// that the grain-call import answered 500 after 30 s and left events behind.
/// </summary>
public sealed class PolisImportJobTests
{
    private static readonly TimeSpan OldGrainTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnImportOverTheOldGrainTimeoutCompletesAndReportsThroughItsJob()
    {
        using var folder = new TempFolder("deliberation-import-job");
        // 300,000 votes: the size that answered 500 after 30 s and still committed 304,609 events.
        var votes = SyntheticPolisExport.Write(folder.File("export"), participants: 3_000, comments: 100);
        using var server = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: false);
        await server.StartAsync();
        using var organiser = await server.NewOrganiserClientAsync();
        var before = await EventsAsync(server);

        var clock = Stopwatch.StartNew();
        var job = await PolisImportJob.StartAsync(organiser, PolisUpload.FromFolder(folder.File("export"), withVotes: false));
        Assert.True(clock.Elapsed < OldGrainTimeout, $"202 took {clock.Elapsed}");
        var views = new List<JsonNode>();
        var last = await PolisImportJob.FollowAsync(organiser, job, TimeSpan.FromMinutes(5), views.Add);

        Assert.True(last["state"]!.GetValue<string>() == "done", last.ToJsonString());
        var total = last["eventsTotal"]!.GetValue<long>();
        Assert.True(total > votes, $"{total} events for {votes} votes");
        Assert.Equal(total, last["eventsWritten"]!.GetValue<long>());
        Assert.Equal(3_000 + 100, last["rowsRead"]!.GetValue<long>());
        // Progress was reported on the way, with an estimate of the time left.
        Assert.Contains(views, v => v["state"]!.GetValue<string>() == "writing"
            && v["eventsWritten"]!.GetValue<long>() is > 0 and var w && w < total && v["secondsLeft"] is not null);
        var result = last["result"]!;
        Assert.Equal(votes, result["positions"]!.GetValue<long>());
        var dialogueId = result["dialogueId"]!.GetValue<Guid>();

        // Every event is in the dialogue's own scope, none left staged, and the importer sees her dialogue.
        Assert.Equal(total, await EventsAsync(server, $"{dialogueId:N}"));
        Assert.Equal(0, await StagedAsync(server));
        Assert.True(await EventsAsync(server) >= before + total);
        var dialogue = await organiser.GetJsonAsync($"/api/dialogues/{dialogueId}");
        Assert.Equal(dialogueId, dialogue["id"]!.GetValue<Guid>());
        var consensus = await organiser.GetJsonAsync($"/api/dialogues/{dialogueId}/statements/{result["statementId"]}/consensus");
        Assert.Equal(100, consensus["clauses"]!.AsArray().Count);
    }

    [Fact]
    public async Task AServerKilledInTheMiddleOfAnImportHasTheWholeDialogueOrNothingAfterRestart()
    {
        using var folder = new TempFolder("deliberation-import-kill");
        SyntheticPolisExport.Write(folder.File("export"), participants: 10_000, comments: 100);
        using var server = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: false);
        await server.StartAsync();
        using var organiser = await server.NewOrganiserClientAsync();
        var scopesBefore = await ScopesAsync(server);

        var job = await PolisImportJob.StartAsync(organiser, PolisUpload.FromFolder(folder.File("export"), withVotes: false));
        JsonNode view;
        do
        {
            view = await organiser.GetJsonAsync(job);
        }
        while (view["state"]!.GetValue<string>() == "writing" && view["eventsWritten"]!.GetValue<long>() == 0);
        var total = view["eventsTotal"]!.GetValue<long>();
        Assert.True(view["state"]!.GetValue<string>() == "writing", $"the job finished before it could be interrupted: {view.ToJsonString()}");
        server.Kill();
        Assert.True(await StagedAsync(server) > 0, "the killed import had staged events");

        await server.StartAsync();

        Assert.Equal(0, await StagedAsync(server));
        var added = (await ScopesAsync(server)).Where(s => !scopesBefore.ContainsKey(s.Key)).ToList();
        // Nothing — or, had it committed in the moment before the kill, every event of it.
        Assert.True(added.Count == 0 || (added.Count == 1 && added[0].Value >= total), string.Join(", ", added));
        using var again = await server.NewOrganiserClientAsync();
        Assert.Equal(added.Count, (await again.GetJsonAsync("/api/dialogues")).AsArray().Count);
    }

    private static async Task<SqliteConnection> OpenAsync(ServerProcess server)
    {
        var connection = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> EventsAsync(ServerProcess server, string? scope = null)
    {
        await using var connection = await OpenAsync(server);
        await using var command = connection.CreateCommand();
        command.CommandText = scope is null ? "SELECT COUNT(*) FROM Events" : "SELECT COUNT(*) FROM Events WHERE Scope = $scope";
        if (scope is not null)
            command.Parameters.AddWithValue("$scope", scope);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> StagedAsync(ServerProcess server)
    {
        await using var connection = await OpenAsync(server);
        await using var command = connection.CreateCommand();
        // Events of a scope still marked pending (an import in flight), and marks left without events.
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Events WHERE Scope IN (SELECT Scope FROM PendingImports)) + (SELECT COUNT(*) FROM PendingImports)";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<string, long>> ScopesAsync(ServerProcess server)
    {
        await using var connection = await OpenAsync(server);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Scope, COUNT(*) FROM Events GROUP BY Scope";
        var scopes = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            scopes[reader.GetString(0)] = reader.GetInt64(1);
        return scopes;
    }
}
