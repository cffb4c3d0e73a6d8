using System.Net;
using System.Text.Json.Nodes;
using Deliberation.Testing;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>Starts a Pol.is import and follows its job (docs/api.md, "Pol.is imports") as a script would: 202, then polls.</summary>
public static class PolisImportJob
{
    /// <summary>Answers the job's URL, having checked the 202 and its Location.</summary>
    public static async Task<string> StartAsync(ApiClient client, MultipartFormDataContent form)
    {
        var response = await client.Http.PostAsync("/api/imports/polis", form);
        var body = await Expect.OkAsync(response);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location?.ToString();
        Assert.NotNull(location);
        Assert.Equal(body["jobId"]!.GetValue<string>(), location.Split('/')[^1]);
        return location;
    }

    /// <summary>Polls until the job finishes; answers its last view (state done or failed).</summary>
    public static async Task<JsonNode> FollowAsync(ApiClient client, string jobUrl, TimeSpan within, Action<JsonNode>? eachView = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var view = await client.GetJsonAsync(jobUrl);
            eachView?.Invoke(view);
            var state = view["state"]!.GetValue<string>();
            if (state is "done" or "failed")
                return view;
            Assert.True(DateTime.UtcNow < deadline, $"the import job was still {state} after {within}: {view.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    /// <summary>Imports and waits; answers the job's result (dialogueId, statementId, clauses, participants, positions).</summary>
    public static async Task<JsonNode> ImportAsync(ApiClient client, MultipartFormDataContent form, TimeSpan? within = null)
    {
        var view = await FollowAsync(client, await StartAsync(client, form), within ?? TimeSpan.FromMinutes(3));
        Assert.True(view["state"]!.GetValue<string>() == "done", view.ToJsonString());
        return view["result"]!;
    }
}
