namespace Deliberation.Client.Resources;

/// <summary>Names the Room texts (Room.resx, Room.zh-Hans.resx) for IStringLocalizer&lt;Room&gt;; see docs/architecture.md.</summary>
public sealed class Room;
