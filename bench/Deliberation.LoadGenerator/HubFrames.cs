using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Deliberation.LoadGenerator;

/// <summary>
/// The SignalR JSON hub protocol as it travels on a WebSocket: JSON records ended by the record
/// separator 0x1E. Writing needs only the handshake, invocations and pings; reading (see
/// <see cref="PushReader"/>) needs only what a load run measures. Speaking it directly rather than
/// through the full .NET client keeps the generator light enough to simulate thousands of clients
/// on the same two cores as the server.
/// </summary>
public static class HubFrames
{
    public const byte RecordSeparator = 0x1E;

    public static ReadOnlyMemory<byte> Handshake { get; } = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");

    /// <summary>Clients must send something within the server's client timeout (30 s by default).</summary>
    public static ReadOnlyMemory<byte> Ping { get; } = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    /// <summary>An invocation that expects a completion with the same id.</summary>
    public static byte[] Invocation(string invocationId, string target, IReadOnlyList<object?> arguments, JsonSerializerOptions json)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", 1);
            writer.WriteString("invocationId", invocationId);
            writer.WriteString("target", target);
            writer.WritePropertyName("arguments");
            JsonSerializer.Serialize(writer, arguments, json);
            writer.WriteEndObject();
        }
        buffer.Write([RecordSeparator]);
        return buffer.WrittenSpan.ToArray();
    }
}
