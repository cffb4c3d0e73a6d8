using System.Net;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests;

/// <summary>
/// Once a clause is translated the working languages stay in place (docs/domain.md, "Languages"):
/// the server refuses reordering or removing one with <c>dialogue.source-language-fixed</c>, and
/// learns that a translation exists from the statements — a client saying otherwise is not believed.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FixedLanguagesTests(ServerFixture fixture)
{
    private const string Chinese = "zh-Hans";

    private static JsonObject SettingsWith(JsonNode dialogue, params string[] languages)
    {
        var settings = dialogue["settings"]!.AsObject().DeepClone().AsObject();
        settings["languages"] = new JsonArray([.. languages.Select(l => (JsonNode)JsonValue.Create(l))]);
        return settings;
    }

    private static async Task<HttpResponseMessage> ChangeLanguagesAsync(TestDialogue dialogue, JsonObject command) =>
        await dialogue.Convener.PostRawAsync($"{dialogue.Url}/commands", command.ToJsonString());

    [Fact]
    public async Task OnceAClauseIsTranslatedTheLanguagesCannotBeSwappedEvenIfTheClientSaysNothingIsTranslated()
    {
        using var dialogue = await TestDialogue.CreateAsync(fixture.Server, ConfidentialityMode.ChathamHouse, Dimensions);
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new ChangeSettings(new DialogueSettings("Beijing dialogue", Languages: ["en", Chinese])));
        var clause = await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, "AI safety is a global public good.");
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new TranslateClause(clause, Chinese, 1, "人工智能安全是全球公共产品。"));
        var before = await dialogue.Convener.GetJsonAsync(dialogue.Url);

        var refused = await ChangeLanguagesAsync(dialogue, new JsonObject
        {
            ["type"] = nameof(ChangeSettings),
            ["settings"] = SettingsWith(before, Chinese, "en"),
            ["translationsExist"] = false,
        });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("dialogue.source-language-fixed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await dialogue.Convener.GetJsonAsync(dialogue.Url);
        Assert.Equal(before["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());
        Assert.Equal(["en", Chinese], after["settings"]!["languages"]!.AsArray().Select(l => l!.GetValue<string>()));

        // Removing Chinese is refused too; adding French after the two is fine.
        var removed = await ChangeLanguagesAsync(dialogue, new JsonObject { ["type"] = nameof(ChangeSettings), ["settings"] = SettingsWith(before, "en") });
        Assert.Equal(HttpStatusCode.Conflict, removed.StatusCode);
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new ChangeSettings(new DialogueSettings("Beijing dialogue", Languages: ["en", Chinese, "fr"])));
    }

    [Fact]
    public async Task BeforeAnyTranslationTheLanguagesMayBeSwapped()
    {
        using var dialogue = await TestDialogue.CreateAsync(fixture.Server, ConfidentialityMode.ChathamHouse, Dimensions);
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new ChangeSettings(new DialogueSettings("Beijing dialogue", Languages: ["en", Chinese])));
        await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, "AI safety is a global public good.");

        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new ChangeSettings(new DialogueSettings("Beijing dialogue", Languages: [Chinese, "en"])));

        var after = await dialogue.Convener.GetJsonAsync(dialogue.Url);
        Assert.Equal([Chinese, "en"], after["settings"]!["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
    }
}
