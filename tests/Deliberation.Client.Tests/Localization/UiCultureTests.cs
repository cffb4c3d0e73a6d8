using System.Globalization;
using Deliberation.Client.Localization;
using Deliberation.Domain;

namespace Deliberation.Client.Tests.Localization;

/// <summary>Which interface language a person gets: her choice, else her browser's, else English.</summary>
public sealed class UiCultureTests
{
    [Theory]
    [InlineData(null, "zh-CN", "zh-Hans")]
    [InlineData(null, "zh-TW", "zh-Hans")]
    [InlineData(null, "zh", "zh-Hans")]
    [InlineData(null, "en-GB", "en")]
    [InlineData(null, "fr-FR", "en")]
    [InlineData(null, null, "en")]
    [InlineData("en", "zh-CN", "en")]
    [InlineData("zh-Hans", "en-US", "zh-Hans")]
    [InlineData("klingon", "zh-CN", "zh-Hans")]
    public void The_choice_wins_then_the_browser_then_English(string? stored, string? browser, string expected) =>
        Assert.Equal(expected, UiCulture.Choose(stored, browser).Name);

    [Fact]
    public void In_English_a_refusal_keeps_the_servers_own_message_with_its_particulars()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(UiCulture.English);
        try
        {
            Assert.Equal("The clause has no revision 7.", new RuleError("revision.unknown", "The clause has no revision 7.").Localized());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
