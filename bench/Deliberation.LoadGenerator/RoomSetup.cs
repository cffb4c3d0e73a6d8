using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Deliberation.LoadGenerator;

/// <summary>The room a load run acts in: its dialogue, the statement the positions go to, its clauses, and one invite code per client.</summary>
public sealed record LoadRoom(Guid DialogueId, Guid StatementId, IReadOnlyList<Guid> Clauses, IReadOnlyList<string> InviteCodes);

/// <summary>
/// Sets the room up over HTTP, as a convener would: an organiser account (with the setup code of a
/// fresh server), a dialogue of one dimension of four groups, a statement of 20 clauses, one
/// delegate per client imported as a roster with an invite each, and the phase moved to Deliberation.
/// </summary>
public static class RoomSetup
{
    private static readonly string[] Regions = ["China", "United States", "Europe", "Global South"];

    public static async Task<LoadRoom> CreateAsync(LoadOptions options, JsonSerializerOptions json)
    {
        var cookies = new CookieContainer();
        using var convener = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = options.Server };
        async Task<JsonElement> Post(string url, object body)
        {
            var response = await convener.PostAsJsonAsync(url, body, json);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement;
        }
        // Only an organiser account creates a dialogue: made with the setup code on a fresh server, then signed in.
        if (options.SetupCode is { Length: > 0 } setupCode)
            await convener.PostAsJsonAsync("/api/account/setup", new { setupCode, email = options.OrganiserEmail, displayName = "Load convener", password = options.OrganiserPassword }, json);
        await Post("/api/account/sign-in", new { email = options.OrganiserEmail, password = options.OrganiserPassword });
        var created = await Post("/api/dialogues", new
        {
            title = $"Load test {DateTime.UtcNow:O}", confidentiality = "ChathamHouse", convenerName = "Load convener",
            dimensions = new[] { new { name = "Region", groups = Regions } },
        });
        var dialogueId = created.GetProperty("id").GetGuid();
        var statementId = (await Post($"/api/dialogues/{dialogueId}/statements", new { title = "Load statement" })).GetProperty("id").GetGuid();
        var clauses = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var clause = Guid.NewGuid();
            await Post($"/api/dialogues/{dialogueId}/statements/{statementId}/commands", new { type = "ProposeClause", clauseId = clause, kind = "Principle", text = $"Clause {i + 1} of the load test." });
            clauses.Add(clause);
        }
        // The roster as a convener brings it: CSV files of at most 1,000 rows, then everyone's invite
        // at once — one command each rather than one per member, so set-up is not what a run waits on.
        for (var first = 0; first < options.Clients; first += 1_000)
        {
            var csv = new StringBuilder("name,affiliation,role,Region\r\n");
            for (var i = first; i < Math.Min(options.Clients, first + 1_000); i++)
                csv.Append(CultureInfo.InvariantCulture, $"Delegate {i},,Delegate,{Regions[i % 4]}\r\n");
            var imported = await convener.PostAsync($"/api/dialogues/{dialogueId}/members/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            if (!imported.IsSuccessStatusCode)
                throw new InvalidOperationException($"roster import: {(int)imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
        }
        var invites = await Post($"/api/dialogues/{dialogueId}/invites/everyone", new { reissueAll = false });
        // Each link ends in its code (…/invite/{code}); the convener has none among them.
        var codes = invites.GetProperty("invites").EnumerateArray()
            .Where(p => p.GetProperty("displayName").GetString()!.StartsWith("Delegate ", StringComparison.Ordinal))
            .Select(p => p.GetProperty("link").GetString()!.Split('/')[^1])
            .ToList();
        await Post($"/api/dialogues/{dialogueId}/commands", new { type = "SetPhase", phase = "Deliberation" });
        return new LoadRoom(dialogueId, statementId, clauses, codes);
    }
}
