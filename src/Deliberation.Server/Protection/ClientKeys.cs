using Deliberation.Server.Extensions;

namespace Deliberation.Server.Protection;

/// <summary>Whom a limit counts: the client's address (as the trusted proxy reported it) and the person her cookie names.</summary>
public static class ClientKeys
{
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static string? PersonOf(HttpContext context) => context.User.ParticipantId()?.ToString();
}
