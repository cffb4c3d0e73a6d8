using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Hub;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Deliberation.Server.Tests.Protection;

/// <summary>
/// docs/api.md, Errors: generated bodies and hub arguments — wrong types, missing or misplaced
/// <c>type</c>, numbers no double holds, broken JSON — against the real server. Never a 500, never an
/// error in its log, and a refused request stores nothing.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class FuzzTests(HubFixture fixture)
{
    private static readonly string[] Types = ["StateRange", "TakePosition", "ProposeClause", "RaiseHand", "ChangeConsensusRules", "NoSuchCommand", ""];

    private static readonly string[] Fields = ["clauseId", "revision", "low", "high", "position", "note", "text", "kind", "rules", "participantId", "statementId", "dialogueId"];

    private static readonly string[] Values =
    [
        "1", "-1", "0", "1.5", "1e400", "-1e400", "NaN", "\"NaN\"", "\"Infinity\"", "Infinity", "true", "null", "\"\"",
        "\"Support\"", "\"Maybe\"", "[]", "{}", "{\"default\":{\"threshold\":1e400}}", "\"6f9619ff-8b86-d011-b42d-00c04fc964ff\"",
        "\"not-a-guid\"", $"\"{new string('x', 5000)}\"", "\"\\u0007\"", "1e-400", "12345678901234567890",
    ];

    private static readonly Gen<string> Value = Gen.Select(Gen.Int[0, Values.Length], Gen.Int[-5, 200],
        (i, n) => i == Values.Length ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Values[i]);

    /// <summary>An object of some fields, its <c>type</c> anywhere or nowhere, sometimes cut short or not an object at all.</summary>
    private static readonly Gen<string> Body =
        Gen.Select(
            Any(Types.Select(t => (string?)t).Append(null).Append(null).ToArray()),
            Gen.Int[0, 8],
            Gen.Select(Any(Fields), Value).Array[0, 6],
            Gen.Int[0, 100])
        .Select((type, typeAt, fields, cut) =>
        {
            var members = fields.Select(f => $"\"{f.Item1}\":{f.Item2}").ToList();
            if (type is not null)
                members.Insert(Math.Min(typeAt, members.Count), $"\"type\":\"{type}\"");
            var json = "{" + string.Join(",", members) + "}";
            return cut switch
            {
                < 8 => json[..(json.Length * cut / 8)],
                < 12 => "[" + json + "]",
                _ => json,
            };
        });

    [Fact]
    public async Task GeneratedHttpBodiesNeverMakeAServerErrorAndRefusalsStoreNothing()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        var urls = new[] { $"{dialogue.StatementUrl}/commands", $"{dialogue.Url}/commands", $"{dialogue.Url}/members", "/api/dialogues" };
        var who = new[] { "N1", "Fran Facilitator", "Otto Observer" };

        await Gen.Select(Body, Any(urls), Any(who)).SampleAsync(async (body, url, person) =>
        {
            var before = await EventCountAsync();
            var response = await dialogue[person].Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode < 500, $"POST {url} {body} answered {(int)response.StatusCode}: {text}");
            if (!response.IsSuccessStatusCode)
            {
                var json = JsonNode.Parse(text)!;
                Assert.False(string.IsNullOrEmpty(json["rule"]?.GetValue<string>() ?? json["error"]?["rule"]?.GetValue<string>()), $"POST {url} {body}: no rule in {text}");
                Assert.Equal(before, await EventCountAsync());
            }
        }, iter: 150, threads: 1);

        AssertNothingFailedInTheLog();
    }

    [Fact]
    public async Task GeneratedHubArgumentsAreRefusedWithAMessageAndStoreNothing()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        string[] methods = ["TakePosition", "StateRange", "ProposeClause", "RaiseHand", "SetPhase", "Sign", "DraftPreview", "JoinDialogue", "CatchUp"];
        var argument = Gen.Select(Gen.Int[0, 4], Body, Gen.Int, (kind, body, number) => kind switch
        {
            0 => body,
            1 => Parsed(body),
            2 => number,
            3 => null,
            _ => (object?)dialogue.Id,
        });

        await Gen.Select(Any(methods), argument, argument).SampleAsync(async (method, first, second) =>
        {
            var before = await EventCountAsync();
            object?[] arguments = method is "JoinDialogue" or "CatchUp" ? [first, second] : [first];
            try
            {
                var outcome = await n1.Connection.InvokeCoreAsync<JsonElement>(method, arguments);
                if (outcome.ValueKind == JsonValueKind.Object && outcome.TryGetProperty("accepted", out var accepted) && !accepted.GetBoolean())
                    Assert.Equal(before, await EventCountAsync());
            }
            catch (HubException refused)
            {
                Assert.DoesNotContain("due to an error on the server.", refused.Message.Replace("due to an error on the server. HubException:", "", StringComparison.Ordinal), StringComparison.Ordinal);
                Assert.Equal(before, await EventCountAsync());
            }
            Assert.Equal(HubConnectionState.Connected, n1.Connection.State);
        }, iter: 150, threads: 1);

        AssertNothingFailedInTheLog();
    }

    private static Gen<T> Any<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static object? Parsed(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private void AssertNothingFailedInTheLog() => Assert.Empty(ServerLog.Failures(fixture.Server.OutputLines));

    private async Task<long> EventCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Events";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
