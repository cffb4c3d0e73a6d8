using System.Globalization;
using Deliberation.Client.Api;
using Deliberation.Client.Resources;
using Deliberation.Domain;

namespace Deliberation.Client.Localization;

/// <summary>
/// What a refusal says to the reader. In English the server's own message, which names the revision
/// or the limit at hand; in another language the message kept for the rule's code, and the server's
/// English only where no translation exists yet (docs/architecture.md, "The interface's languages").
/// </summary>
public static class RuleMessages
{
    public static string Of(string rule, string serverMessage)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (UiCulture.Supported(culture.Name) is null or UiCulture.English || string.IsNullOrEmpty(rule))
            return serverMessage;
        return Problems.For(rule, culture) is { Length: > 0 } translated ? translated : serverMessage;
    }

    public static string Localized(this RuleError error) => Of(error.Rule, error.Message);

    public static string Localized(this ApiProblem problem) => Of(problem.Rule, problem.Message);
}
