namespace Deliberation.Client.Resources;

/// <summary>Names the Mud texts (Mud.resx, Mud.zh-Hans.resx) for IStringLocalizer&lt;Mud&gt;; see docs/architecture.md.</summary>
public sealed class Mud;
