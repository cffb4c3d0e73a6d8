using System.Globalization;
using Deliberation.Client.Localization;

namespace Deliberation.Client.Tests.Localization;

/// <summary>
/// A component test whose reader has chosen Chinese: the culture is set for the test and put back after,
/// so the other tests on the same thread still read English.
/// </summary>
public abstract class ChineseComponentTest : ComponentTest
{
    private readonly CultureInfo before = CultureInfo.CurrentUICulture;
    private readonly CultureInfo beforeFormat = CultureInfo.CurrentCulture;

    protected ChineseComponentTest()
    {
        // bUnit renders on the test's own thread, which is where the localizers read the culture.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(UiCulture.SimplifiedChinese);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(UiCulture.SimplifiedChinese);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = before;
        CultureInfo.CurrentCulture = beforeFormat;
        base.Dispose(disposing);
    }
}
