using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Deliberation.Server.Protection;

/// <summary>
/// The hub's JSON protocol, except that arguments that do not bind (a string where a request
/// belongs, <c>NaN</c> for a number) are answered with what the method expects: SignalR passes a
/// <see cref="HubException"/>'s message to the caller, and only says "an error on the server" for
/// anything else. Nothing is logged above Debug for it; it is the caller's mistake.
/// </summary>
public sealed class ClearArgumentErrorsHubProtocol(IHubProtocol inner) : IHubProtocol
{
    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message))
            return false;
        if (message is InvocationBindingFailureMessage failure)
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target,
                ExceptionDispatchInfo.Capture(new HubException(Describe(failure, binder))));
        return true;
    }

    private static string Describe(InvocationBindingFailureMessage failure, IInvocationBinder binder)
    {
        string expected;
        try
        {
            expected = string.Join(", ", binder.GetParameterTypes(failure.Target).Select(t => t.Name));
        }
        catch (HubException)
        {
            return $"There is no hub method '{failure.Target}'.";
        }
        var why = failure.BindingFailure.SourceException is JsonException json ? $" ({json.Message})" : "";
        return $"The arguments do not fit {failure.Target}, which takes ({expected}){why}.";
    }
}
