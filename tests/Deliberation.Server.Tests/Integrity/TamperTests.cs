using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Deliberation.Server.Tests.Integrity;

/// <summary>
/// docs/security.md, "Verifiable history": an attacker with write access to the database changes a
/// stored event while the server is down. The real server, restarted on that database, must not
/// serve the changed history silently: the load names the event in the log, /health says the history
/// is broken, and GET …/verify names the first bad version and what is wrong with it.
/// </summary>
public sealed class TamperTests : IDisposable
{
    private const string Zeros = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly TempFolder folder = new("deliberation-tamper");
    private readonly List<IDisposable> clients = [];
    private ServerProcess server;

    public TamperTests() => server = NewServer(verifyInBackground: false);

    private ServerProcess NewServer(bool verifyInBackground) =>
        new(folder.File("deliberation.db"), folder.Path, seedDemo: false,
            settings: verifyInBackground ? ["--History:VerifyEvery=00:10:00"] : ["--History:VerifyEvery=00:00:00"]);

    /// <summary>
    /// Each tampering is done on the statement stream, at the version of the first position taken
    /// (<c>$v</c>; there are events before and after it). Raw SQL on the server's SQLite file.
    /// </summary>
    public static TheoryData<string, string[], string> Tamperings => new()
    {
        { "payload Support -> Block", ["""UPDATE "Events" SET "PayloadJson" = replace("PayloadJson", '"Support"', '"Block"') WHERE "StreamId" = $s AND "Version" = $v"""], "leaf-mismatch" },
        { "salt changed", [$"""UPDATE "Events" SET "Salt" = '{Zeros}' WHERE "StreamId" = $s AND "Version" = $v"""], "leaf-mismatch" },
        { "hash changed", [$"""UPDATE "Events" SET "Hash" = '{Zeros}' WHERE "StreamId" = $s AND "Version" = $v"""], "hash-mismatch" },
        { "event deleted", ["""DELETE FROM "Events" WHERE "StreamId" = $s AND "Version" = $v"""], "missing-version" },
        {
            "versions of two events swapped",
            [
                """UPDATE "Events" SET "Version" = -1 WHERE "StreamId" = $s AND "Version" = $v""",
                """UPDATE "Events" SET "Version" = $v WHERE "StreamId" = $s AND "Version" = $v + 1""",
                """UPDATE "Events" SET "Version" = $v + 1 WHERE "StreamId" = $s AND "Version" = -1""",
            ],
            "version-order"
        },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task TamperingIsDetectedAtLoadAfterRestartAndByVerify(string tampering, string[] sql, string problem)
    {
        await server.StartAsync();
        var room = await BuildRoomAsync();
        Assert.Equal("ready", (await HealthAsync())["status"]!.GetValue<string>());
        var before = await room.Convener.GetJsonAsync($"{room.Url}/verify");
        Assert.True(before["intact"]!.GetValue<bool>(), before.ToJsonString());

        await RestartTamperedAsync(room, sql, verifyInBackground: false);
        var after = Track(server.NewClient());
        await after.RedeemAsync(room.ConvenerCode);

        // (a) The statement grain loads the stream (the statement is still served) and names the event.
        await after.GetJsonAsync(room.StatementUrl);
        var line = server.OutputLines.FirstOrDefault(l => l.Contains(room.StatementStream, StringComparison.Ordinal) && l.Contains($"version {room.TargetVersion}", StringComparison.Ordinal));
        Assert.True(line is not null && line.Contains(problem, StringComparison.Ordinal), $"{tampering}: the log does not name the event:\n{server.Output}");
        var health = await HealthAsync();
        Assert.Equal("degraded", health["status"]!.GetValue<string>());
        Assert.Equal("broken", health["history"]!["status"]!.GetValue<string>());
        var broken = Assert.Single(health["history"]!["broken"]!.AsArray());
        Assert.Equal((room.StatementStream, room.TargetVersion, problem),
            (broken!["streamId"]!.GetValue<string>(), broken["version"]!.GetValue<long>(), broken["problem"]!.GetValue<string>()));

        // (b) /verify, computed afresh, names the first bad version and the problem; the other streams are intact.
        var verification = await after.GetJsonAsync($"{room.Url}/verify");
        Assert.False(verification["intact"]!.GetValue<bool>());
        var streams = verification["streams"]!.AsArray();
        var statement = streams.Single(s => s!["streamId"]!.GetValue<string>() == room.StatementStream)!;
        Assert.Equal(room.TargetVersion, statement["firstBreak"]!["version"]!.GetValue<long>());
        Assert.Equal(problem, statement["firstBreak"]!["problem"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(statement["firstBreak"]!["detail"]!.GetValue<string>()));
        Assert.Equal(room.TargetVersion - 1, statement["eventsChecked"]!.GetValue<long>());
        Assert.All(streams.Where(s => s!["streamId"]!.GetValue<string>() != room.StatementStream), s => Assert.Null(s!["firstBreak"]));
    }

    /// <summary>
    /// The scenario: a Support changed to Block in the database while the server was down.
    /// The background verifier finds it at start, before anyone opens the dialogue; the room is still
    /// served (now showing Block), but /health and /verify say the history is broken at that event.
    /// </summary>
    [Fact]
    public async Task SupportChangedToBlockAfterRestartIsNoLongerServedSilently()
    {
        await server.StartAsync();
        var room = await BuildRoomAsync();

        await RestartTamperedAsync(room, Tamperings.Single(t => (string)t[0] == "payload Support -> Block")[1] as string[] ?? [], verifyInBackground: true);

        await Eventually.Async(
            async () => (await HealthAsync())["history"]!["status"]!.GetValue<string>() == "broken",
            TimeSpan.FromSeconds(30),
            () => $"/health never said the history is broken:\n{server.Output}");
        var health = await HealthAsync();
        Assert.Equal("degraded", health["status"]!.GetValue<string>());
        Assert.NotNull(health["history"]!["lastVerifiedAt"]);
        Assert.Contains(server.OutputLines, l => l.Contains(room.StatementStream, StringComparison.Ordinal) && l.Contains($"version {room.TargetVersion}", StringComparison.Ordinal));

        var after = Track(server.NewClient());
        await after.RedeemAsync(room.ConvenerCode);
        var verification = await after.GetJsonAsync($"{room.Url}/verify");
        Assert.False(verification["intact"]!.GetValue<bool>());
        var statement = verification["streams"]!.AsArray().Single(s => s!["streamId"]!.GetValue<string>() == room.StatementStream)!;
        Assert.Equal(("leaf-mismatch", room.TargetVersion), (statement["firstBreak"]!["problem"]!.GetValue<string>(), statement["firstBreak"]!["version"]!.GetValue<long>()));
    }

    [Fact]
    public async Task VerifyIsForMembersOnly()
    {
        await server.StartAsync();
        var room = await BuildRoomAsync();

        using var stranger = server.NewClient();
        var response = await stranger.GetAsync($"{room.Url}/verify");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record Room(string Url, string StatementUrl, string StatementStream, long TargetVersion, string ConvenerCode, ApiClient Convener);

    /// <summary>A dialogue with one statement of three clauses and two delegates who took positions on each (Support first).</summary>
    private async Task<Room> BuildRoomAsync()
    {
        var convener = Track(await server.NewOrganiserClientAsync());
        var created = await convener.PostOkAsync("/api/dialogues", new
        {
            title = "Tamper",
            dimensions = new[] { new Dimension("Region", ["North", "South"]) },
            convenerName = "Ada Convener",
        });
        var dialogueId = created["id"]!.GetValue<Guid>();
        convener.ParticipantId = created["convenerId"]!.GetValue<Guid>();
        var url = $"/api/dialogues/{dialogueId}";
        var delegates = new List<ApiClient>();
        foreach (var (name, region) in new[] { ("D1", "North"), ("D2", "South") })
        {
            var invite = await convener.PostOkAsync($"{url}/members", new { displayName = name, role = Role.Delegate, groups = new Dictionary<string, string> { ["Region"] = region } });
            var client = Track(server.NewClient());
            await client.RedeemAsync(invite["code"]!.GetValue<string>());
            delegates.Add(client);
        }
        var convenerCode = (await convener.PostOkAsync($"{url}/members/{convener.ParticipantId}/invites", new { }))["code"]!.GetValue<string>();
        var statementId = (await convener.PostOkAsync($"{url}/statements", new { title = "Statement" }))["id"]!.GetValue<Guid>();
        var clauses = new List<Guid>();
        for (var c = 0; c < 3; c++)
        {
            var clause = Guid.NewGuid();
            await Expect.AcceptedAsync(await convener.CommandAsync(dialogueId, statementId, new ProposeClause(clause, ClauseKind.Principle, $"Clause {c + 1}.")));
            clauses.Add(clause);
        }
        await Expect.AcceptedAsync(await convener.CommandAsync(dialogueId, new SetPhase(Phase.Deliberation)));
        long? first = null;
        foreach (var clause in clauses)
        {
            foreach (var (d, kind) in new[] { (delegates[0], PositionKind.Support), (delegates[1], PositionKind.Accept) })
            {
                var outcome = await Expect.AcceptedAsync(await d.CommandAsync(dialogueId, statementId, new TakePosition(clause, 1, kind)));
                first ??= outcome["version"]!.GetValue<long>();
            }
        }
        return new Room(url, $"{url}/statements/{statementId}", StreamIds.Statement(statementId), first!.Value, convenerCode, convener);
    }

    private async Task RestartTamperedAsync(Room room, string[] sql, bool verifyInBackground)
    {
        server.Kill();
        await using (var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            foreach (var statement in sql)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.Parameters.AddWithValue("$s", room.StatementStream);
                command.Parameters.AddWithValue("$v", room.TargetVersion);
                Assert.Equal(1, await command.ExecuteNonQueryAsync());
            }
        }
        server = NewServer(verifyInBackground);
        await server.StartAsync();
    }

    private async Task<JsonNode> HealthAsync()
    {
        using var probe = server.NewClient();
        return await probe.GetJsonAsync("/health");
    }

    public void Dispose()
    {
        foreach (var client in clients)
            client.Dispose();
        server.Dispose();
        folder.Dispose();
    }

    private ApiClient Track(ApiClient client)
    {
        clients.Add(client);
        return client;
    }
}
