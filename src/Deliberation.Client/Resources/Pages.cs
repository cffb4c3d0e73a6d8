namespace Deliberation.Client.Resources;

/// <summary>Names the texts of the dialogue list and the not-found page (Pages.resx, Pages.zh-Hans.resx) for IStringLocalizer&lt;Pages&gt;; see docs/architecture.md.</summary>
public sealed class Pages;
