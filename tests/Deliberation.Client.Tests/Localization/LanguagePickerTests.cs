using System.Net;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Client.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Client.Tests.Localization;

/// <summary>
/// The app bar's language picker: the choice is stored on this browser always, on the organiser's
/// account too when one is signed in (so her other browsers open in it), and the page reloads so
/// the new language's resources load.
/// </summary>
public sealed class LanguagePickerTests : ComponentTest
{
    private readonly Recorder server = new();

    public LanguagePickerTests() =>
        Services.AddScoped(_ => new DeliberationApi(new HttpClient(server) { BaseAddress = new Uri("http://localhost/") }));

    [Fact]
    public void A_signed_in_organisers_choice_is_kept_on_her_account_and_on_this_browser()
    {
        Services.GetRequiredService<AccountLanguage>().SignedIn = true;
        var picker = Render<LanguagePicker>();

        picker.Find("[data-testid='interface-language']").Change(UiCulture.SimplifiedChinese);

        var put = Assert.Single(server.Requests);
        Assert.Equal("PUT /api/account/culture {\"culture\":\"zh-Hans\"}", put);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "deliberationCulture.store" && (string?)i.Arguments[0] == UiCulture.SimplifiedChinese);
    }

    [Fact]
    public void Without_an_account_the_choice_stays_on_this_browser_only()
    {
        var picker = Render<LanguagePicker>();

        picker.Find("[data-testid='interface-language']").Change(UiCulture.SimplifiedChinese);

        Assert.Empty(server.Requests);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "deliberationCulture.store" && (string?)i.Arguments[0] == UiCulture.SimplifiedChinese);
    }

    private sealed class Recorder : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath} {body}");
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }
}
