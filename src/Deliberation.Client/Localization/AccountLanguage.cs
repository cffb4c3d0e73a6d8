namespace Deliberation.Client.Localization;

/// <summary>
/// Whether the browser was signed in to an organiser account when the app started (CultureStartup
/// asked): then the language picker keeps a new choice on the account as well as on this browser.
/// A delegate's invite session has no account, and her choice stays on her browser (docs/api.md).
/// </summary>
public sealed class AccountLanguage
{
    public bool SignedIn { get; set; }
}
