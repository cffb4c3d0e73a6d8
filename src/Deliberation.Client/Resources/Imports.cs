namespace Deliberation.Client.Resources;

/// <summary>Names the Pol.is import's texts (Imports.resx, Imports.zh-Hans.resx) for IStringLocalizer&lt;Imports&gt;; see docs/architecture.md.</summary>
public sealed class Imports;
