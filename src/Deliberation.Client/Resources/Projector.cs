namespace Deliberation.Client.Resources;

/// <summary>Names the projector's texts (Projector.resx, Projector.zh-Hans.resx) for IStringLocalizer&lt;Resources.Projector&gt;; see docs/architecture.md.</summary>
public sealed class Projector;
