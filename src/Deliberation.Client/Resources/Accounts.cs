namespace Deliberation.Client.Resources;

/// <summary>Names the organiser account pages' texts (Accounts.resx, Accounts.zh-Hans.resx) for IStringLocalizer&lt;Accounts&gt;; see docs/architecture.md.</summary>
public sealed class Accounts;
