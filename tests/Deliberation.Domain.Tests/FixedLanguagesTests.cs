using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>
/// docs/domain.md, "Languages": once a clause is translated, the working languages in use stay in
/// place — a translation is bound to its language and to the source's revisions.
/// </summary>
public sealed class FixedLanguagesTests
{
    private const string Chinese = "zh-Hans";
    private readonly DialogueBuilder dialogue = new(languages: ["en", Chinese]);

    private ChangeSettings Languages(bool translated, params string[] languages) =>
        new(dialogue.Dialogue.Settings with { Languages = [.. languages] }, TranslationsExist: translated);

    [Theory]
    [InlineData(Chinese, "en")] // the source swapped: every translation would translate from the wrong text
    [InlineData("en")] // Chinese dropped: its translations would lose their language
    [InlineData("en", "fr", Chinese)] // a language slid in before Chinese moves it
    public void OnceTranslated_ReorderingOrRemovingALanguageIsRefused(params string[] languages)
    {
        var error = dialogue.Refused(Languages(true, languages), dialogue.Convener);

        Assert.Equal(("dialogue.source-language-fixed", ErrorKind.Conflict), (error.Rule, error.Kind));
        Assert.Contains("add a language after them", error.Message, StringComparison.Ordinal);
        Assert.Equal<string>(["en", Chinese], dialogue.Dialogue.Settings.Languages);
    }

    [Fact]
    public void OnceTranslated_ALanguageAddedAfterThemAndAnotherAuthenticityAreAccepted()
    {
        dialogue.Must(new ChangeSettings(dialogue.Dialogue.Settings with { Languages = ["en", Chinese, "fr"], Authenticity = Authenticity.EquallyAuthentic }, TranslationsExist: true), dialogue.Convener);

        Assert.Equal<string>(["en", Chinese, "fr"], dialogue.Dialogue.Settings.Languages);
        Assert.Equal(Authenticity.EquallyAuthentic, dialogue.Dialogue.Settings.Authenticity);
    }

    [Fact]
    public void BeforeAnyTranslation_TheLanguagesMayBeReorderedAndRemoved()
    {
        dialogue.Must(Languages(false, Chinese, "en"), dialogue.Convener);
        Assert.Equal<string>([Chinese, "en"], dialogue.Dialogue.Settings.Languages);

        dialogue.Must(Languages(false, Chinese), dialogue.Convener);
        Assert.Equal<string>([Chinese], dialogue.Dialogue.Settings.Languages);
    }
}
