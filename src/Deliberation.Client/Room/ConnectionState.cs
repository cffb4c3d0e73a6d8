namespace Deliberation.Client.Room;

/// <summary>How the live connection to the room stands, shown to the user at all times.</summary>
public enum ConnectionState { Connecting, Connected, Reconnecting, Offline }
