using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deliberation.Client.Api;
using Deliberation.Client.Pages.Dialogues;
using Deliberation.Contracts.Http;
using Deliberation.Contracts.Http.Accounts;
using Deliberation.Contracts.Json;
using Deliberation.Domain.Languages;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Client.Tests;

/// <summary>The new-dialogue wizard asks which languages are authentic, says what that does, and sends the choice.</summary>
public sealed class NewDialogueAuthenticityTests : ComponentTest
{
    private readonly CreationRecorder server = new();

    public NewDialogueAuthenticityTests() =>
        Services.AddSingleton(new DeliberationApi(new HttpClient(server) { BaseAddress = new Uri("http://localhost/") }));

    [Fact]
    public void TheWizardSendsTheChosenAuthenticityWithTheLanguages()
    {
        var cut = Render<NewDialoguePage>();
        cut.WaitForElement("[data-testid='new-title']");
        cut.Find("[data-testid='new-title']").Input("Beijing");
        for (var step = 0; step < 4; step++)
            cut.Find("[data-testid='wizard-next']").Click();

        Assert.Contains("the text cannot be frozen while a translation is stale", cut.Find("[data-testid='new-authenticity-help']").TextContent);
        Assert.Equal("authenticity-help", cut.Find("[data-testid='new-authenticity']").GetAttribute("aria-describedby"));
        cut.Find("[data-testid='new-languages']").Input("en, zh-Hans");
        cut.Find("[data-testid='new-authenticity']").Change(nameof(Authenticity.EquallyAuthentic));
        cut.Find("[data-testid='wizard-next']").Click();

        cut.WaitForAssertion(() => Assert.NotNull(server.Created));
        Assert.Equal(nameof(Authenticity.EquallyAuthentic), (string?)server.Created!["authenticity"]);
        Assert.Equal(["en", "zh-Hans"], server.Created["languages"]!.AsArray().Select(l => (string?)l));
    }

    /// <summary>The server as the wizard asks it: who is signed in, then the dialogue it creates (recorded).</summary>
    private sealed class CreationRecorder : HttpMessageHandler
    {
        public JsonNode? Created { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new AccountStatus(true, "ada@example.org", "Ada", false), options: WireJson.Options) };
            Created = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new CreatedDialogue(Guid.NewGuid(), 1, Guid.NewGuid()), options: WireJson.Options) };
        }
    }
}
