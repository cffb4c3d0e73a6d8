namespace Deliberation.Client.Resources;

/// <summary>Names the Shell texts (Shell.resx, Shell.zh-Hans.resx) for IStringLocalizer&lt;Shell&gt;; see docs/architecture.md.</summary>
public sealed class Shell;
